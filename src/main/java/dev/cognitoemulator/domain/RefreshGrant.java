package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * What a refresh token stands for: a sign-in of a user at a client. Every access and ID token minted from it
 * carries its {@code originJti}; revoking the grant revokes them all.
 */
public record RefreshGrant(String token, String clientId, String sub, Instant authTime, String originJti,
        Instant expires, boolean revoked) {

    public RefreshGrant revoke() {
        return new RefreshGrant(token, clientId, sub, authTime, originJti, expires, true);
    }
}
