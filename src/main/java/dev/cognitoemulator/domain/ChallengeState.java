package dev.cognitoemulator.domain;

/** What a sign-in waiting for the answer to a challenge remembers; each challenge keeps its own kind of state. */
public interface ChallengeState {

    /** The challenge the session waits for ({@code NEW_PASSWORD_REQUIRED}, ...). */
    String challengeName();
}
