package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * A code sent to a user, waiting to be typed back: to confirm a sign-up, to reset a password, to verify an attribute.
 * One per user and purpose (a new one replaces the old: only the latest works); single use.
 *
 * @param purpose {@link #SIGN_UP}, {@link #FORGOT_PASSWORD} or {@link #attribute}
 * @param attribute the attribute the code went to ({@code email}, {@code phone_number}): confirming it verifies it
 * @param destination the address or number the code went to: it verifies that value only
 * @param pendingValue for an attribute whose change waits for verification (AttributesRequireVerificationBeforeUpdate),
 *                     the new value; else null
 */
public record VerificationCode(String sub, String purpose, String code, Instant expires, int failedAttempts,
        String attribute, String destination, String pendingValue) {

    public static final String SIGN_UP = "SignUp";
    public static final String FORGOT_PASSWORD = "ForgotPassword";

    public static String attribute(String name) {
        return "Attribute:" + name;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    public VerificationCode failed() {
        return new VerificationCode(sub, purpose, code, expires, failedAttempts + 1, attribute, destination,
                pendingValue);
    }

    /** Never the code. */
    @Override
    public String toString() {
        return "VerificationCode[" + purpose + " of " + sub + "]";
    }
}
