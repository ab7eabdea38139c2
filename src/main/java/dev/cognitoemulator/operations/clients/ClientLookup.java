package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;

/** An app client of a pool, or Cognito's {@code ResourceNotFoundException}. */
public final class ClientLookup {

    private ClientLookup() {
    }

    public static AppClient find(PoolView pool, String clientId) {
        AppClient client = pool.client(clientId);
        if (client == null) {
            // Captured: aws/aws-sdk-php#2183.
            throw new CognitoException(ErrorCode.ResourceNotFoundException,
                    "User pool client " + clientId + " does not exist.");
        }
        return client;
    }
}
