package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.UserFilter;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.operations.PageTokens;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Users in a stable order (by username), {@code Limit} (default and at most 60) a page, optionally filtered.
 * Exact filters on username, sub, email and phone_number are answered from indexes; the others scan.
 */
public final class ListUsers implements Operation<ListUsers.ListUsersRequest> {

    private static final int MAX_LIMIT = 60;

    private final UserPoolStore store;

    public ListUsers(UserPoolStore store) {
        this.store = store;
    }

    public record ListUsersRequest(String userPoolId, List<String> attributesToGet, Integer limit,
            String paginationToken, String filter) {
    }

    public record ListUsersResponse(List<UserType> users, String paginationToken) {
    }

    @Override
    public Class<ListUsersRequest> requestType() {
        return ListUsersRequest.class;
    }

    @Override
    public Object execute(ListUsersRequest request, RequestContext context) {
        UserFilter filter = UserFilter.parse(request.filter());
        String after = PageTokens.decode(request.paginationToken(), "PaginationToken");
        int limit = request.limit() == null || request.limit() == 0 ? MAX_LIMIT : request.limit();
        return store.read(request.userPoolId(), users -> {
            Set<String> only = attributesToGet(users.pool(), request.attributesToGet());
            Iterator<User> candidates = candidates(users, filter, after);
            List<UserType> page = new ArrayList<>(Math.min(limit, 16));
            User last = null;
            while (candidates.hasNext()) {
                User user = candidates.next();
                if (filter != null && !filter.matches(user)) {
                    continue;
                }
                if (page.size() == limit) {
                    return new ListUsersResponse(page,
                            PageTokens.encode(UserLookup.usernameKey(users.pool(), last.username())));
                }
                requireUnsearchable(only, user);
                page.add(UserType.of(user, only));
                last = user;
            }
            return new ListUsersResponse(page, null);
        });
    }

    /** Index look-ups for exact username/sub/email/phone_number filters, else every user after the token. */
    private static Iterator<User> candidates(PoolView users, UserFilter filter, String after) {
        if (filter == null || filter.prefix()) {
            return users.usersAfter(after);
        }
        UserPool pool = users.pool();
        List<User> found = new ArrayList<>();
        switch (filter.attribute()) {
            case "username" -> found.add(users.byUsernameKey(UserLookup.usernameKey(pool, filter.value())));
            case "sub" -> found.add(users.bySub(filter.value()));
            case UserLookup.EMAIL, UserLookup.PHONE -> found.addAll(users.byAttributeValue(filter.attribute(),
                    filter.value()));
            default -> {
                return users.usersAfter(after);
            }
        }
        Comparator<User> byKey = Comparator.comparing(u -> UserLookup.usernameKey(pool, u.username()));
        found.removeIf(u -> u == null || after != null && UserLookup.usernameKey(pool, u.username())
                .compareTo(after) <= 0);
        found.sort(byKey);
        return found.iterator();
    }

    /**
     * AWS's documentation: attributes that can't be filtered on (custom ones included) must have a value in every
     * listed user, or AttributesToGet is an error (text unconfirmed: the one captured for AttributesToGet).
     */
    private static void requireUnsearchable(Set<String> only, User user) {
        if (only == null) {
            return;
        }
        for (String name : only) {
            if (!UserFilter.SEARCHABLE.contains(name) && !user.attributes().has(name)) {
                throw new CognitoException(ErrorCode.InvalidParameterException, "Input fails to satisfy the constraints.");
            }
        }
    }

    /**
     * Null for every attribute. {@code sub} is always returned and may not be asked for; nor may a name
     * outside the schema (captured: aws-samples/sample-collaborative-ai-dlc#52).
     */
    private static Set<String> attributesToGet(UserPool pool, List<String> names) {
        if (names == null) {
            return null;
        }
        Set<String> only = new HashSet<>();
        for (String name : names) {
            if ("sub".equals(name) || pool.attribute(name) == null) {
                throw new CognitoException(ErrorCode.InvalidParameterException, "Input fails to satisfy the constraints.");
            }
            only.add(name);
        }
        only.add("sub");
        return only;
    }
}
