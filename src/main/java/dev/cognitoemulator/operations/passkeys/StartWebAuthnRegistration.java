package dev.cognitoemulator.operations.passkeys;

import dev.cognitoemulator.domain.Passkeys;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.domain.WebAuthnRegistration;
import dev.cognitoemulator.model.StartWebAuthnRegistrationRequest;
import dev.cognitoemulator.model.StartWebAuthnRegistrationResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.webauthn.WebAuthn;
import java.util.List;

/**
 * Begins the registration of a passkey for the signed-in user: a fresh challenge, remembered with the access token's
 * app client until the options' timeout (a new start replaces it), and the {@code CredentialCreationOptions} to hand
 * to {@code navigator.credentials.create}. Refused where the pool has no passkeys and for a user with the most.
 */
public final class StartWebAuthnRegistration
        implements Operation<StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse> {

    @Override
    public StartWebAuthnRegistrationResponse execute(StartWebAuthnRegistrationRequest request, Call call) {
        return AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            WebAuthnCredentials.requireEnabled(pool.pool());
            User user = caller.user();
            WebAuthnCredentials.requireRoom(pool, user.sub());
            List<WebAuthnCredential> existing = WebAuthnCredentials.ofUser(pool, user.sub());
            String challenge = WebAuthn.challenge(call.random());
            StartWebAuthnRegistrationResponse response = new StartWebAuthnRegistrationResponse(
                    WebAuthn.creationOptions(pool.pool(), user, existing, challenge));
            pool.putWebAuthnRegistration(new WebAuthnRegistration(user.sub(), caller.grant().clientId(), challenge,
                    call.now().plus(Passkeys.CHALLENGE_TIMEOUT)));
            return response;
        });
    }
}
