package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserFilter;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.ListUsersRequest;
import dev.cognitoemulator.model.ListUsersResponse;
import dev.cognitoemulator.model.UserType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Users in a stable order (by username), {@code Limit} (default and at most 60, API reference) a page, optionally
 * filtered. Exact filters on username, sub, email and phone_number are answered from indexes; the others scan.
 */
public final class ListUsers implements Operation<ListUsersRequest, ListUsersResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListUsers", 60, 60);

    @Override
    public ListUsersResponse execute(ListUsersRequest request, Call call) {
        UserFilter filter = UserFilter.parse(request.filter());
        Pager.Page<UserType> page = call.read(request.userPoolId(), pool -> {
            Set<String> only = attributesToGet(pool.pool(), request.attributesToGet());
            // A token is good for the same Filter only (aws/aws-sdk-js#3705: a changed Filter's token is refused).
            return Pager.page(call, LIMITS, request.limit(), request.paginationToken(),
                    pool.pool().id() + "\n" + request.filter(),
                    after -> matching(candidates(pool, filter, after), filter),
                    user -> UserLookup.usernameKey(pool.pool(), user.username()),
                    user -> {
                        requireUnsearchable(only, user);
                        return Users.type(user, only);
                    });
        });
        return new ListUsersResponse(page.nextToken(), page.items());
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

    private static Iterator<User> matching(Iterator<User> users, UserFilter filter) {
        if (filter == null) {
            return users;
        }
        return new Iterator<>() {
            private User next = advance();

            private User advance() {
                while (users.hasNext()) {
                    User user = users.next();
                    if (filter.matches(user)) {
                        return user;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public User next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                User user = next;
                next = advance();
                return user;
            }
        };
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
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "Input fails to satisfy the constraints.");
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
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "Input fails to satisfy the constraints.");
            }
            only.add(name);
        }
        only.add("sub");
        return only;
    }
}
