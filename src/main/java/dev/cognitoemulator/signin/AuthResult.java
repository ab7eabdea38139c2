package dev.cognitoemulator.signin;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step of a sign-in comes to: the tokens, or the next challenge with the session that answers it (null
 * for the SRP verifier challenges, whose {@code SECRET_BLOCK} names their session, as Cognito answers them).
 * {@code availableChallenges} is the choice SELECT_CHALLENGE offers ({@code AvailableChallenges}); null otherwise.
 * A hosted UI sign-in ({@link Attempt#hostedUi()}) succeeds with {@code authenticated} and no tokens.
 */
public record AuthResult(String challengeName, String session, Map<String, String> challengeParameters,
        Tokens tokens, List<String> availableChallenges, Authenticated authenticated) {

    /** A hosted UI sign-in's success: who signed in, and when (the tokens' {@code auth_time}). */
    public record Authenticated(String sub, String username, Instant authTime) {
    }

    /**
     * @param refreshToken null on a refresh, which gives no new refresh token
     * @param newDevice the device a sign-in in a pool that tracks devices announces ({@code NewDeviceMetadata});
     *                  null when the sign-in named a known device, or the pool tracks none
     */
    public record Tokens(String accessToken, int expiresIn, String tokenType, String refreshToken, String idToken,
            NewDevice newDevice) {
    }

    /** {@code NewDeviceMetadata}: the key ({@code <region>_<uuid>}) and group key of a device to confirm. */
    public record NewDevice(String deviceKey, String deviceGroupKey) {
    }

    static AuthResult of(Tokens tokens) {
        return new AuthResult(null, null, Map.of(), tokens, null, null);
    }

    /** The parameters in the order given (Cognito's answers list them alphabetically). */
    static AuthResult challenge(String name, String session, Map<String, String> parameters) {
        return new AuthResult(name, session, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), null,
                null, null);
    }

    /** SELECT_CHALLENGE: the first factors to choose from, with no challenge parameters. */
    static AuthResult select(String session, List<String> available) {
        return new AuthResult(SelectChallenge.NAME, session, Map.of(), null, List.copyOf(available), null);
    }

    static AuthResult authenticated(Authenticated who) {
        return new AuthResult(null, null, Map.of(), null, null, who);
    }
}
