package dev.cognitoemulator.operations.passkeys;

import dev.cognitoemulator.domain.Passkeys;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.domain.WebAuthnRegistration;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CompleteWebAuthnRegistrationRequest;
import dev.cognitoemulator.model.CompleteWebAuthnRegistrationResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.webauthn.WebAuthn;

/**
 * Finishes the signed-in user's passkey registration with the browser's {@code RegistrationResponseJSON}: the
 * registration under way (not expired, started with a token of the same app client) is read, the attestation is
 * verified against its challenge with no lock held ({@link WebAuthn#register}), then, if the registration is still
 * the one read, it is used up and the passkey kept. A refused credential changes nothing.
 */
public final class CompleteWebAuthnRegistration
        implements Operation<CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistrationResponse> {

    private record Pending(UserPool pool, String sub, WebAuthnRegistration registration) {
    }

    @Override
    public CompleteWebAuthnRegistrationResponse execute(CompleteWebAuthnRegistrationRequest request, Call call) {
        Pending pending = AccessTokens.readCaller(call, request.accessToken(), (pool, caller) -> {
            WebAuthnCredentials.requireEnabled(pool.pool());
            String sub = caller.user().sub();
            WebAuthnRegistration registration = pool.webAuthnRegistration(sub);
            if (registration == null || registration.expiredAt(call.now())) {
                throw WebAuthnCredentials.challengeNotFound();
            }
            if (!registration.clientId().equals(caller.grant().clientId())) {
                // Unconfirmed text.
                throw new CognitoException(ErrorCode.WebAuthnClientMismatchException,
                        "The access token is of another app client than the one the registration was started with.");
            }
            return new Pending(pool.pool(), sub, registration);
        });
        WebAuthnCredential credential = WebAuthn.register(request.credential(), pending.pool(), pending.sub(),
                pending.registration().challenge(), call.now());
        return AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            if (pool.webAuthnRegistration(pending.sub()) != pending.registration()) {
                throw WebAuthnCredentials.challengeNotFound();
            }
            if (!Passkeys.relyingPartyId(pool.pool()).equals(credential.relyingPartyId())) {
                // The pool's relying party changed while the credential was verified (unconfirmed text).
                throw new CognitoException(ErrorCode.WebAuthnRelyingPartyMismatchException,
                        "The credential is not for the relying party " + Passkeys.relyingPartyId(pool.pool()) + ".");
            }
            WebAuthnCredentials.requireRoom(pool, pending.sub());
            if (pool.webAuthnCredential(credential.credentialId()) != null) {
                // Unconfirmed text; browsers refuse to make a credential excludeCredentials names.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "This passkey is registered already.");
            }
            pool.removeWebAuthnRegistration(pending.sub());
            pool.putWebAuthnCredential(credential);
            return new CompleteWebAuthnRegistrationResponse();
        });
    }
}
