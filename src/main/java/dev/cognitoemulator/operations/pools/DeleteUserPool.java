package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.DeleteUserPoolRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes a pool with its users, clients and key, unless its deletion protection is active or it has a domain. */
public final class DeleteUserPool implements Operation<DeleteUserPoolRequest, Void> {

    @Override
    public Void execute(DeleteUserPoolRequest request, Call call) {
        SigningKey key = call.store().deletePool(request.userPoolId(), pool -> {
            if (pool.pool().settings().deletionProtection()) {
                // Captured: localstack/localstack#11947 (AWS CLI against AWS).
                throw new CognitoException(ErrorCode.InvalidParameterException, "The user pool cannot be deleted "
                        + "because deletion protection is activated. Deletion protection must be inactivated first.");
            }
            if (!pool.domains().isEmpty()) {
                // Captured: hashicorp/terraform-provider-aws#16479, rebuy-de/aws-nuke#330.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "User pool cannot be deleted. It has a domain configured that should be deleted first.");
            }
        });
        call.services().keys().retire(key);
        return null;
    }
}
