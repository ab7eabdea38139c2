package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a refresh token stands for: a sign-in of a user at a client, with the scopes it was granted. Every access
 * and ID token minted from it carries its {@code originJti}; revoking the grant revokes them all.
 *
 * @param retiredAt null, or when the token stopped working because refresh-token rotation replaced it
 * @param deviceKey in a pool that tracks devices, the device the sign-in was made from (a known one, or the one its
 *                  answer announced as {@code NewDeviceMetadata}); its tokens carry it as {@code device_key}, and a
 *                  refresh must name it (and the device must be confirmed). Null otherwise.
 * @param deviceGroupKey the announced device's group key (ConfirmDevice takes it from here); null otherwise
 */
public record RefreshGrant(String token, String clientId, String sub, Instant authTime, String originJti,
        Instant expires, List<String> scopes, boolean revoked, Instant retiredAt, String deviceKey,
        String deviceGroupKey) {

    /** What a sign-in through the API is granted (Cognito's access tokens say so). */
    public static final List<String> API_SCOPES = List.of("aws.cognito.signin.user.admin");

    public RefreshGrant {
        scopes = List.copyOf(scopes);
    }

    public RefreshGrant revoke() {
        return new RefreshGrant(token, clientId, sub, authTime, originJti, expires, scopes, true, retiredAt,
                deviceKey, deviceGroupKey);
    }

    /** Rotated out (RefreshTokenRotation): good until {@code at}, the end of the client's grace period. */
    public RefreshGrant retire(Instant at) {
        return new RefreshGrant(token, clientId, sub, authTime, originJti, expires, scopes, revoked, at, deviceKey,
                deviceGroupKey);
    }

    /** Whether the token was rotated out and its grace period is over. */
    public boolean retiredAt(Instant now) {
        return retiredAt != null && !now.isBefore(retiredAt);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
