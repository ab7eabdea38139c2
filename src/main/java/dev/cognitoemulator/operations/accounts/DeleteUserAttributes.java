package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.model.DeleteUserAttributesRequest;
import dev.cognitoemulator.model.DeleteUserAttributesResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The signed-in user deletes attribute values, by AdminDeleteUserAttributes' rules ({@link AttributeRules#delete})
 * and only those the client may write.
 */
public final class DeleteUserAttributes
        implements Operation<DeleteUserAttributesRequest, DeleteUserAttributesResponse> {

    @Override
    public DeleteUserAttributesResponse execute(DeleteUserAttributesRequest request, Call call) {
        AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            Accounts.requireWritable(Accounts.clientOf(pool, caller), request.userAttributeNames());
            Attributes remaining = AttributeRules.delete(pool.pool(), caller.user().attributes(),
                    request.userAttributeNames());
            if (!remaining.equals(caller.user().attributes())) {
                pool.put(caller.user().withAttributes(remaining, call.now()));
            }
            return null;
        });
        return new DeleteUserAttributesResponse();
    }
}
