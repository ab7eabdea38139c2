package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Sets attribute values, all or nothing: each checked against the schema (immutable ones refused), a
 * changed email or phone number loses its verification unless the request sets it, and a verified alias
 * another user holds is {@code AliasExistsException}.
 */
public final class AdminUpdateUserAttributes
        implements Operation<AdminUpdateUserAttributes.AdminUpdateUserAttributesRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public AdminUpdateUserAttributes(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminUpdateUserAttributesRequest(String userPoolId, String username,
            List<AttributeType> userAttributes, Map<String, String> clientMetadata) {
    }

    public record AdminUpdateUserAttributesResponse() {
    }

    @Override
    public Class<AdminUpdateUserAttributesRequest> requestType() {
        return AdminUpdateUserAttributesRequest.class;
    }

    @Override
    public Object execute(AdminUpdateUserAttributesRequest request, RequestContext context) {
        Map<String, String> changes = AttributeType.toMap(request.userAttributes());
        return store.write(request.userPoolId(), users -> {
            User user = UserLookup.find(users, request.username());
            Attributes updated = AttributeRules.update(users.pool(), user.attributes(), changes);
            User changed = user.withAttributes(updated, clock.instant());
            UserLookup.AliasConflict conflict = UserLookup.aliasConflict(users, changed);
            if (conflict != null) {
                throw new CognitoException(ErrorCode.AliasExistsException, conflict.message());
            }
            users.put(changed);
            return new AdminUpdateUserAttributesResponse();
        });
    }
}
