package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.util.List;

/**
 * Deletes attribute values from a user, all or nothing: every name must be in the pool's schema and be
 * neither immutable ({@code sub} included) nor required; a name the user has no value for is fine. Deleting
 * email or phone_number drops its verified flag and its alias. Existing tokens are unaffected.
 */
public final class AdminDeleteUserAttributes
        implements Operation<AdminDeleteUserAttributes.AdminDeleteUserAttributesRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public AdminDeleteUserAttributes(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminDeleteUserAttributesRequest(String userPoolId, String username,
            List<String> userAttributeNames) {
    }

    public record AdminDeleteUserAttributesResponse() {
    }

    @Override
    public Class<AdminDeleteUserAttributesRequest> requestType() {
        return AdminDeleteUserAttributesRequest.class;
    }

    @Override
    public Object execute(AdminDeleteUserAttributesRequest request, RequestContext context) {
        return store.write(request.userPoolId(), users -> {
            User user = UserLookup.find(users, request.username());
            var remaining = AttributeRules.delete(users.pool(), user.attributes(), request.userAttributeNames());
            if (!remaining.equals(user.attributes())) {
                users.put(user.withAttributes(remaining, clock.instant()));
            }
            return new AdminDeleteUserAttributesResponse();
        });
    }
}
