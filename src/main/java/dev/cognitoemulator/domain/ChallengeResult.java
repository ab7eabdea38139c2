package dev.cognitoemulator.domain;

/**
 * One challenge of a custom sign-in (CUSTOM_AUTH) as its {@code session} array tells the auth challenge triggers
 * (documented: developer guide, "Define Auth challenge Lambda trigger"): the challenge's name ({@code SRP_A},
 * {@code PASSWORD_VERIFIER}, {@code CUSTOM_CHALLENGE}), whether the user met it, and for a custom challenge the name
 * CreateAuthChallenge gave it ({@code challengeMetadata}; null otherwise).
 */
public record ChallengeResult(String challengeName, boolean challengeResult, String challengeMetadata) {
}
