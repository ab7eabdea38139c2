package dev.cognitoemulator.domain;

import java.time.Instant;

/** A sign-in waiting for the answer to a challenge, named by the opaque {@code Session} string. */
public record AuthSession(String id, String clientId, String sub, ChallengeState state, Instant expires) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
