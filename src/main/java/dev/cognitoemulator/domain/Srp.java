package dev.cognitoemulator.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRP-6a as Cognito does it: the 3072-bit group of RFC 5054 (the MODP prime of RFC 3526), {@code g = 2},
 * {@code H} = SHA-256, {@code PAD(x)} = the big-endian two's-complement bytes of {@code x}. No maintained Java
 * library does Cognito's variant (its {@code x} hashes the pool's name in), so the arithmetic is written here, from
 * the protocol as amazon-cognito-identity-js's {@code AuthenticationHelper} computes it.
 *
 * <p>The server's half of a sign-in costs three exponentiations modulo {@code N}, each with a 256-bit exponent:
 * {@code g^b} for {@code B}, then {@code v^u} and {@code (A * v^u)^b} for {@code S}. The server's secret {@code b}
 * is 256 random bits, the least RFC 5054 (section 2.5.3) allows, so none of them is a full-size (3072-bit)
 * exponentiation; {@code u} and the password's {@code x} are SHA-256 values, 256 bits by the protocol.
 */
public final class Srp {

    /** RFC 5054 appendix A, 3072-bit group; equal to RFC 3526's 3072-bit MODP prime. */
    public static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B"
            + "576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A1"
            + "63BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC980"
            + "4F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718399"
            + "5497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA7157"
            + "5D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86"
            + "A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFF"
            + "FFFFFFFFFFFFFF", 16);
    public static final BigInteger G = BigInteger.TWO;
    /** The multiplier {@code k = H(PAD(N) || PAD(g))}, made once. */
    public static final BigInteger K = new BigInteger(1, hash(pad(N), pad(G)));

    /** The server's secret {@code b}: RFC 5054's least size. */
    private static final int SECRET_BYTES = 32;
    /** HKDF's info, then the block counter 1: the session key is HKDF-Expand's first block. */
    private static final byte[] INFO = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
    /** The session key is HKDF's first 16 bytes. */
    private static final int KEY_BYTES = 16;
    /** A is less than N: 768 hexadecimal digits at most; a few more are tolerated (leading zeros). */
    private static final int MAX_A_DIGITS = 1024;

    /** Salts are 16 random bytes, read as a positive number (the SALT challenge parameter is its hex). */
    private static final int SALT_BYTES = 16;

    private Srp() {
    }

    public static BigInteger newSalt(Randomness random) {
        return new BigInteger(1, random.bytes(SALT_BYTES));
    }

    /**
     * {@code v = g^x mod N} with {@code x = H(PAD(salt) || H(poolName || userId || ":" || password))}: the verifier a
     * password set for {@code userId} (the username SRP names, {@code USER_ID_FOR_SRP}) in pool {@code poolName} (the
     * part of the pool id after {@code _}) leaves on the server.
     */
    public static BigInteger verifier(String poolName, String userId, String password, BigInteger salt) {
        MessageDigest sha = sha256();
        byte[] inner = sha.digest((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        sha.update(pad(salt));
        sha.update(inner);
        BigInteger x = new BigInteger(1, sha.digest());
        return G.modPow(x, N);
    }

    /** {@code PAD(x)}: the big-endian two's-complement bytes, so a leading bit of 1 gets a zero byte first. */
    public static byte[] pad(BigInteger value) {
        return value.toByteArray();
    }

    /** The server's secret {@code b} and its public {@code B = (k*v + g^b) mod N} for the verifier {@code v}. */
    public record ServerKey(BigInteger b, BigInteger publicKey) {

        @Override
        public String toString() {
            return "ServerKey[B=" + publicKey.toString(16) + "]";
        }
    }

    /** A fresh server key for the verifier {@code v}; {@code B} is never 0 modulo {@code N}. */
    public static ServerKey serverKey(BigInteger v, Randomness random) {
        while (true) {
            ServerKey key = serverKey(v, new BigInteger(1, random.bytes(SECRET_BYTES)));
            if (key.b().signum() != 0 && key.publicKey().signum() != 0) {
                return key;
            }
        }
    }

    /** The server key of a given secret {@code b} (the tests' fixed vectors). */
    static ServerKey serverKey(BigInteger v, BigInteger b) {
        return new ServerKey(b, K.multiply(v).add(G.modPow(b, N)).mod(N));
    }

    /**
     * The client's {@code A} from its hexadecimal {@code SRP_A}; null when it is not hexadecimal, is too long, or
     * {@code A mod N} is 0 (which would let a client compute {@code S} without the password).
     */
    public static BigInteger clientKey(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > MAX_A_DIGITS) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return null;
            }
        }
        BigInteger a = new BigInteger(hex, 16);
        return a.mod(N).signum() == 0 ? null : a;
    }

    /** {@code u = H(PAD(A) || PAD(B))}. */
    public static BigInteger scrambler(BigInteger clientKey, BigInteger serverKey) {
        return new BigInteger(1, hash(pad(clientKey), pad(serverKey)));
    }

    /** The server's {@code S = (A * v^u)^b mod N}. */
    public static BigInteger premasterSecret(BigInteger clientKey, BigInteger v, BigInteger u, BigInteger b) {
        return clientKey.multiply(v.modPow(u, N)).mod(N).modPow(b, N);
    }

    /**
     * The session key both sides derive, or null when {@code u} is 0 (the sign-in is refused):
     * {@code HKDF-SHA256(ikm = PAD(S), salt = PAD(u), info = "Caldera Derived Key")}, its first 16 bytes.
     */
    public static byte[] sessionKey(BigInteger clientKey, BigInteger v, ServerKey server) {
        BigInteger u = scrambler(clientKey, server.publicKey());
        if (u.signum() == 0) {
            return null;
        }
        return hkdf(pad(premasterSecret(clientKey, v, u, server.b())), pad(u));
    }

    /** RFC 5869 with SHA-256, one block of output (all SRP needs), cut to 16 bytes. */
    static byte[] hkdf(byte[] ikm, byte[] salt) {
        byte[] prk = hmac(salt, ikm);
        byte[] okm = hmac(prk, INFO);
        byte[] key = new byte[KEY_BYTES];
        System.arraycopy(okm, 0, key, 0, KEY_BYTES);
        return key;
    }

    /**
     * The signature a client proves the session key with: {@code HMAC-SHA256(key, group || userId ||
     * secretBlock || timestamp)}, where {@code group} is the pool's name (the device group key for a device) and
     * {@code userId} the user's {@code USER_ID_FOR_SRP} (the device key for a device).
     */
    public static byte[] signature(byte[] key, String group, String userId, byte[] secretBlock, String timestamp) {
        return hmac(key, group.getBytes(StandardCharsets.UTF_8), userId.getBytes(StandardCharsets.UTF_8),
                secretBlock, timestamp.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code timestamp} is a time as Cognito's clients write it, {@code EEE MMM d HH:mm:ss 'UTC' yyyy} in
     * English: the day of the month not zero-padded, the weekday the date's own. Measured against AWS (captured:
     * ministackorg/ministack#1758): a padded day or a wrong weekday is refused like a wrong password.
     */
    public static boolean cognitoTimestamp(String timestamp) {
        Matcher m = timestamp == null ? null : TIMESTAMP.matcher(timestamp);
        if (m == null || !m.matches()) {
            return false;
        }
        Month month = MONTHS.get(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int year = Integer.parseInt(m.group(4));
        if (month == null || day > month.length(Year.isLeap(year))) {
            return false;
        }
        DayOfWeek weekday = LocalDate.of(year, month, day).getDayOfWeek();
        return weekday.getDisplayName(TextStyle.SHORT, Locale.US).equals(m.group(1));
    }

    /** Weekday, month, unpadded day, time (each part two digits), {@code UTC}, four-digit year. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([1-9]|[12][0-9]|3[01]) "
                    + "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] UTC ([0-9]{4})");
    private static final Map<String, Month> MONTHS = months();

    private static Map<String, Month> months() {
        Map<String, Month> months = new HashMap<>();
        for (Month month : Month.values()) {
            months.put(month.getDisplayName(TextStyle.SHORT, Locale.US), month);
        }
        return Map.copyOf(months);
    }

    static byte[] hash(byte[]... parts) {
        MessageDigest sha = sha256();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
