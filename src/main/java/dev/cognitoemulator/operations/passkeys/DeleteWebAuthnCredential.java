package dev.cognitoemulator.operations.passkeys;

import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.DeleteWebAuthnCredentialRequest;
import dev.cognitoemulator.model.DeleteWebAuthnCredentialResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes one of the signed-in user's passkeys, by credential id; it signs in no more. */
public final class DeleteWebAuthnCredential
        implements Operation<DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse> {

    @Override
    public DeleteWebAuthnCredentialResponse execute(DeleteWebAuthnCredentialRequest request, Call call) {
        return AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            WebAuthnCredential credential = pool.webAuthnCredential(request.credentialId());
            if (credential == null || !credential.sub().equals(caller.user().sub())) {
                // Unconfirmed text (the model's error for it is ResourceNotFoundException).
                throw new CognitoException(ErrorCode.ResourceNotFoundException, "Credential does not exist.");
            }
            pool.removeWebAuthnCredential(credential.credentialId());
            return new DeleteWebAuthnCredentialResponse();
        });
    }
}
