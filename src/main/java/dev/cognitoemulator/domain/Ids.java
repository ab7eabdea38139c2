package dev.cognitoemulator.domain;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifiers shaped like AWS's. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /** {@code us-east-1_AbC123xYz}: the region, an underscore, nine letters and digits. */
    public static String poolId(String region) {
        return region + "_" + random(ALNUM, 9);
    }

    /** A user's {@code sub}: a random UUID. */
    public static String sub() {
        return UUID.randomUUID().toString();
    }

    /** An app client id: 26 lowercase letters and digits. */
    public static String clientId() {
        return random(LOWER_ALNUM, 26);
    }

    /** An app client secret: 51 lowercase letters and digits, like Cognito's. */
    public static String clientSecret() {
        return random(LOWER_ALNUM, 51);
    }

    private static String random(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
