package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.KeyRing;

/** Deletes a pool with its users, clients and keys, unless its deletion protection is active. */
public final class DeleteUserPool implements Operation<DeleteUserPool.DeleteUserPoolRequest> {

    private final UserPoolStore store;
    private final KeyRing keys;

    public DeleteUserPool(UserPoolStore store, KeyRing keys) {
        this.store = store;
        this.keys = keys;
    }

    public record DeleteUserPoolRequest(String userPoolId) {
    }

    public record DeleteUserPoolResponse() {
    }

    @Override
    public Class<DeleteUserPoolRequest> requestType() {
        return DeleteUserPoolRequest.class;
    }

    @Override
    public Object execute(DeleteUserPoolRequest request, RequestContext context) {
        store.deletePool(request.userPoolId(), pool -> {
            if (pool.deletionProtection()) {
                // Captured: localstack/localstack#11947 (AWS CLI against AWS).
                throw new CognitoException(ErrorCode.InvalidParameterException, "The user pool cannot be deleted "
                        + "because deletion protection is activated. Deletion protection must be inactivated first.");
            }
        });
        keys.forget(request.userPoolId());
        return new DeleteUserPoolResponse();
    }
}
