package dev.cognitoemulator.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as authenticator apps make them for Cognito's software tokens (RFC 6238 over RFC
 * 4226): HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits; the secret is shared as Base32 without padding.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    /**
     * Steps either side of now that Cognito's software tokens accept a code from: a clock up to 30 seconds off
     * (unconfirmed: AWS names clock skew among the reasons for refusals, not the window; one step is RFC 6238's
     * recommended allowance, section 6).
     */
    public static final int SKEW_STEPS = 1;
    /** A secret of 32 random bytes: 52 Base32 characters, as long as the SecretCode Cognito gives. */
    private static final int SECRET_BYTES = 32;
    private static final int MODULUS = 1_000_000;

    private Totp() {
    }

    /** A new secret, in Base32 without padding (the model's {@code [A-Za-z0-9]+}). */
    public static String newSecret(Randomness random) {
        return new Base32().encodeAsString(random.bytes(SECRET_BYTES)).replace("=", "");
    }

    /** The time step {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of a Base32 secret at a time step. */
    public static String code(String secret, long step) {
        return code(new Base32().decode(secret), step);
    }

    /** The 6-digit code of a raw key at a time step (RFC 4226 section 5.3, dynamic truncation). */
    public static String code(byte[] key, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % MODULUS);
    }

    /**
     * The step among {@code step - window .. step + window} whose code is {@code given} (compared in constant
     * time), or -1 when none is.
     */
    public static long matchingStep(String secret, String given, long step, int window) {
        byte[] key = new Base32().decode(secret);
        byte[] typed = given.getBytes(StandardCharsets.UTF_8);
        long found = -1;
        for (long s = step - window; s <= step + window; s++) {
            if (MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.UTF_8), typed) && found < 0) {
                found = s;
            }
        }
        return found;
    }
}
