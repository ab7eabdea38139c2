package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ClientSecret;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.DeleteUserPoolClientSecretRequest;
import dev.cognitoemulator.model.DeleteUserPoolClientSecretResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * Deletes one of the client's secrets, which works no more; never the last one (documented: API reference,
 * DeleteUserPoolClientSecret).
 */
public final class DeleteUserPoolClientSecret
        implements Operation<DeleteUserPoolClientSecretRequest, DeleteUserPoolClientSecretResponse> {

    @Override
    public DeleteUserPoolClientSecretResponse execute(DeleteUserPoolClientSecretRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            AppClient client = pool.requireClient(request.clientId());
            List<ClientSecret> kept = client.secrets().stream()
                    .filter(s -> !s.id().equals(request.clientSecretId())).toList();
            if (kept.size() == client.secrets().size()) {
                // Unconfirmed: no capture of AWS's text for an unknown secret id.
                throw new CognitoException(ErrorCode.ResourceNotFoundException,
                        "Client secret " + request.clientSecretId() + " does not exist.");
            }
            if (kept.isEmpty()) {
                // Unconfirmed text (the rule is documented).
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "The last client secret of an app client cannot be deleted.");
            }
            pool.putClient(client.withSecrets(kept, call.now()));
            return null;
        });
        return new DeleteUserPoolClientSecretResponse();
    }
}
