package dev.cognitoemulator.domain;

/**
 * A pool's password policy. {@link #DEFAULT} is what AWS gives a pool created without {@code Policies}.
 *
 * @param passwordHistorySize null when not set (the model allows it only on the Plus tier)
 */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
        boolean requireNumbers, boolean requireSymbols, int temporaryPasswordValidityDays,
        Integer passwordHistorySize) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true, 7, null);
}
