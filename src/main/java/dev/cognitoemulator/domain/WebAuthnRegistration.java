package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * A passkey registration StartWebAuthnRegistration began and CompleteWebAuthnRegistration has not finished: the
 * challenge it sent (Base64URL), the app client of the access token that asked, and until when it may be answered.
 * A user has one at a time: a new start replaces it, and it is answered once.
 */
public record WebAuthnRegistration(String sub, String clientId, String challenge, Instant expires) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
