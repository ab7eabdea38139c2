package dev.cognitoemulator.domain;

/** Identifiers shaped like AWS's. */
public final class Ids {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /** {@code us-east-1_AbC123xYz}: the region, an underscore, nine letters and digits. */
    public static String poolId(Randomness random, String region) {
        return region + "_" + random.string(ALNUM, 9);
    }

    /** An app client id: 26 lowercase letters and digits. */
    public static String clientId(Randomness random) {
        return random.string(LOWER_ALNUM, 26);
    }

    /** An app client secret: 51 lowercase letters and digits, like Cognito's. */
    public static String clientSecret(Randomness random) {
        return random.string(LOWER_ALNUM, 51);
    }

    /** The region a pool is in: the part of its id before the underscore. */
    public static String region(String poolId) {
        return poolId.substring(0, poolId.indexOf('_'));
    }

    /** A device's key, {@code <region>_<uuid>} (documented: Cognito developer guide, working with devices). */
    public static String deviceKey(Randomness random, String region) {
        return region + "_" + random.uuid();
    }

    /**
     * A device's group key: a hyphen and eight letters and digits, as in AWS's examples ({@code -wt2ha1Zd}: aws-cli
     * examples/cognito-idp/respond-to-auth-challenge.rst).
     */
    public static String deviceGroupKey(Randomness random) {
        return "-" + random.string(ALNUM, 8);
    }

    /** The name SRP gives the pool: the part of its id after the region ({@code AbC123xYz}). */
    public static String poolName(String poolId) {
        return poolId.substring(poolId.indexOf('_') + 1);
    }
}
