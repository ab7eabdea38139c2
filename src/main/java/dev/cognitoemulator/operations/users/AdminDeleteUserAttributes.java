package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminDeleteUserAttributesRequest;
import dev.cognitoemulator.model.AdminDeleteUserAttributesResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Deletes attribute values from a user, all or nothing: every name must be in the pool's schema and be
 * neither immutable ({@code sub} included) nor required; a name the user has no value for is fine. Deleting
 * email or phone_number drops its verified flag and its alias. Existing tokens are unaffected.
 */
public final class AdminDeleteUserAttributes
        implements Operation<AdminDeleteUserAttributesRequest, AdminDeleteUserAttributesResponse> {

    @Override
    public AdminDeleteUserAttributesResponse execute(AdminDeleteUserAttributesRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            Attributes remaining = AttributeRules.delete(pool.pool(), user.attributes(), request.userAttributeNames());
            if (!remaining.equals(user.attributes())) {
                pool.put(user.withAttributes(remaining, call.now()));
            }
            return null;
        });
        return new AdminDeleteUserAttributesResponse();
    }
}
