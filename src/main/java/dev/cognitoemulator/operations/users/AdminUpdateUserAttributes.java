package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AdminUpdateUserAttributesRequest;
import dev.cognitoemulator.model.AdminUpdateUserAttributesResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.Map;

/**
 * Sets attribute values, all or nothing: each checked against the schema (immutable ones refused), a
 * changed email or phone number loses its verification unless the request sets it, and a verified alias
 * another user holds is {@code AliasExistsException}.
 */
public final class AdminUpdateUserAttributes
        implements Operation<AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse> {

    @Override
    public AdminUpdateUserAttributesResponse execute(AdminUpdateUserAttributesRequest request, Call call) {
        Map<String, String> changes = Users.toMap(request.userAttributes());
        call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            User changed = user.withAttributes(AttributeRules.update(pool.pool(), user.attributes(), changes),
                    call.now());
            UserLookup.AliasConflict conflict = UserLookup.aliasConflict(pool, changed);
            if (conflict != null) {
                throw new CognitoException(ErrorCode.AliasExistsException, conflict.message());
            }
            pool.put(changed);
            return null;
        });
        return new AdminUpdateUserAttributesResponse();
    }
}
