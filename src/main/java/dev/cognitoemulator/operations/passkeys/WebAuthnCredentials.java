package dev.cognitoemulator.operations.passkeys;

import dev.cognitoemulator.domain.Passkeys;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.WebAuthnCredentialDescription;
import dev.cognitoemulator.operations.Pager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What the passkey operations share: the pool's consent, the user's passkeys, their wire shape, the refusals. */
final class WebAuthnCredentials {

    /** ListWebAuthnCredentials: {@code MaxResults} 0 to 20 (the model's range); 20 when none is given (unconfirmed). */
    static final Pager.Limits LIST = new Pager.Limits("ListWebAuthnCredentials", 20, 20);

    private WebAuthnCredentials() {
    }

    /** The pool lets users have passkeys ({@link Passkeys#enabled}); unconfirmed text. */
    static void requireEnabled(UserPool pool) {
        if (!Passkeys.enabled(pool)) {
            throw new CognitoException(ErrorCode.WebAuthnNotEnabledException,
                    "Passkey sign-in is not enabled for this user pool.");
        }
    }

    /** The user may register one more passkey (at most {@link Passkeys#MAX_PER_USER}; unconfirmed text). */
    static void requireRoom(PoolView pool, String sub) {
        if (pool.webAuthnCredentialCount(sub) >= Passkeys.MAX_PER_USER) {
            throw new CognitoException(ErrorCode.LimitExceededException,
                    "The user has reached the maximum of " + Passkeys.MAX_PER_USER + " passkeys.");
        }
    }

    static List<WebAuthnCredential> ofUser(PoolView pool, String sub) {
        List<WebAuthnCredential> all = new ArrayList<>();
        for (Iterator<WebAuthnCredential> it = pool.webAuthnCredentialsAfter(sub, null); it.hasNext(); ) {
            all.add(it.next());
        }
        return all;
    }

    /** As ListWebAuthnCredentials shows a passkey (the aws-cli example list-web-authn-credentials.rst). */
    static WebAuthnCredentialDescription description(WebAuthnCredential credential) {
        return new WebAuthnCredentialDescription(credential.authenticatorAttachment(), credential.transports(),
                credential.created(), credential.credentialId(), credential.friendlyName(),
                credential.relyingPartyId());
    }

    /** The registration was never started, has expired, or was answered already (unconfirmed text). */
    static CognitoException challengeNotFound() {
        return new CognitoException(ErrorCode.WebAuthnChallengeNotFoundException,
                "No passkey registration is waiting for this user: call StartWebAuthnRegistration.");
    }
}
