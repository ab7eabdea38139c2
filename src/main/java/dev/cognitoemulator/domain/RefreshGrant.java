package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a refresh token stands for: a sign-in of a user at a client, with the scopes it was granted. Every access
 * and ID token minted from it carries its {@code originJti}; revoking the grant revokes them all.
 */
public record RefreshGrant(String token, String clientId, String sub, Instant authTime, String originJti,
        Instant expires, List<String> scopes, boolean revoked) {

    /** What a sign-in through the API is granted (Cognito's access tokens say so). */
    public static final List<String> API_SCOPES = List.of("aws.cognito.signin.user.admin");

    public RefreshGrant {
        scopes = List.copyOf(scopes);
    }

    public RefreshGrant revoke() {
        return new RefreshGrant(token, clientId, sub, authTime, originJti, expires, scopes, true);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
