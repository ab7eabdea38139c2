package dev.cognitoemulator.messages;

import dev.cognitoemulator.domain.Randomness;

/**
 * The codes Cognito e-mails and texts: six random digits (from the one randomness source), or, with
 * {@code --fixed-code}, always the same code, for end-to-end tests that type a known one. Not TOTP, not temporary
 * passwords.
 */
public final class Codes {

    private final Randomness random;
    private final String fixed;

    /** @param fixed empty for random codes */
    public Codes(Randomness random, String fixed) {
        this.random = random;
        this.fixed = fixed;
    }

    public String next() {
        return fixed.isEmpty() ? random.string("0123456789", 6) : fixed;
    }
}
