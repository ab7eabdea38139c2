package dev.cognitoemulator.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's half of Cognito's SRP-6a, written for the tests from the protocol (RFC 5054's 3072-bit group, SHA-256,
 * {@code k = H(PAD(N) || PAD(g))}, the password hashed with the pool's name, the session key by HKDF with the info
 * "Caldera Derived Key", the proof an HMAC over pool name, user, secret block and timestamp), apart from the
 * emulator's own code. One instance is one exchange: its {@code a} is drawn when it is made.
 */
public final class SrpClient {

    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B"
            + "576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A1"
            + "63BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC980"
            + "4F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718399"
            + "5497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA7157"
            + "5D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86"
            + "A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFF"
            + "FFFFFFFFFFFFFF", 16);
    private static final BigInteger G = BigInteger.valueOf(2);
    private static final BigInteger K = new BigInteger(1, sha256(N.toByteArray(), G.toByteArray()));
    /** Cognito's own clients' format (amazon-cognito-identity-js DateHelper): the day not zero-padded. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String group;
    private final BigInteger a;
    private final BigInteger clientKey;

    /** @param group the pool's name (the part of its id after {@code _}), or a device's group key */
    private SrpClient(String group) {
        this.group = group;
        this.a = new BigInteger(1, randomBytes(128));
        this.clientKey = G.modPow(a, N);
    }

    /** An exchange for a user of the pool. */
    public static SrpClient forPool(String poolId) {
        return new SrpClient(poolId.substring(poolId.indexOf('_') + 1));
    }

    /** An exchange for a device of this group. */
    public static SrpClient forDevice(String deviceGroupKey) {
        return new SrpClient(deviceGroupKey);
    }

    /** {@code SRP_A}: hexadecimal {@code g^a mod N}. */
    public String srpA() {
        return clientKey.toString(16);
    }

    /** Now, as Cognito's clients write it. */
    public static String now() {
        return TIMESTAMP.format(Instant.now());
    }

    /**
     * The answer to a PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) challenge: {@code USERNAME},
     * {@code PASSWORD_CLAIM_SECRET_BLOCK}, {@code TIMESTAMP}, {@code PASSWORD_CLAIM_SIGNATURE}.
     *
     * @param userId {@code USER_ID_FOR_SRP} (for a device: its device key)
     * @param username the {@code USERNAME} answered (the challenge's)
     */
    public Map<String, String> answer(Map<String, String> challenge, String userId, String username,
            String password, String timestamp) {
        byte[] key = sessionKey(challenge, userId, password);
        String secretBlock = challenge.get("SECRET_BLOCK");
        byte[] signature = hmac(key, bytes(group), bytes(userId), Base64.getDecoder().decode(secretBlock),
                bytes(timestamp));
        Map<String, String> answer = new HashMap<>();
        answer.put("USERNAME", username);
        answer.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        answer.put("TIMESTAMP", timestamp);
        answer.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));
        return answer;
    }

    /** The answer to PASSWORD_VERIFIER for the user the challenge names, signed now. */
    public Map<String, String> answer(Map<String, String> challenge, String password) {
        String userId = challenge.get("USER_ID_FOR_SRP");
        return answer(challenge, userId, challenge.get("USERNAME"), password, now());
    }

    /** HKDF-SHA256 of {@code S} salted with {@code u}, the first 16 bytes. */
    private byte[] sessionKey(Map<String, String> challenge, String userId, String password) {
        BigInteger serverKey = new BigInteger(challenge.get("SRP_B"), 16);
        BigInteger salt = new BigInteger(challenge.get("SALT"), 16);
        BigInteger u = new BigInteger(1, sha256(clientKey.toByteArray(), serverKey.toByteArray()));
        BigInteger x = x(salt, group, userId, password);
        BigInteger base = serverKey.subtract(K.multiply(G.modPow(x, N))).mod(N);
        BigInteger s = base.modPow(a.add(u.multiply(x)), N);
        byte[] prk = hmac(u.toByteArray(), s.toByteArray());
        byte[] okm = hmac(prk, bytes("Caldera Derived Key"), new byte[] {1});
        return Arrays.copyOf(okm, 16);
    }

    private static BigInteger x(BigInteger salt, String group, String userId, String password) {
        byte[] inner = sha256(bytes(group + userId + ":" + password));
        return new BigInteger(1, sha256(salt.toByteArray(), inner));
    }

    /** What a client gives ConfirmDevice for a new device, and keeps to sign in with it later. */
    public record DeviceSecret(String deviceKey, String groupKey, String password, String salt, String verifier) {
    }

    /** A random device password, its salt and verifier (Base64 of their bytes), as the client libraries make them. */
    public static DeviceSecret deviceSecret(String deviceKey, String groupKey) {
        String password = Base64.getEncoder().encodeToString(randomBytes(40));
        BigInteger salt = new BigInteger(1, randomBytes(16));
        BigInteger verifier = G.modPow(x(salt, groupKey, deviceKey, password), N);
        return new DeviceSecret(deviceKey, groupKey, password, Base64.getEncoder().encodeToString(salt.toByteArray()),
                Base64.getEncoder().encodeToString(verifier.toByteArray()));
    }

    /** {@code SECRET_HASH}: Base64(HMAC-SHA256(client secret, username + client id)). */
    public static String secretHash(String clientSecret, String username, String clientId) {
        return Base64.getEncoder().encodeToString(hmac(bytes(clientSecret), bytes(username + clientId)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
}
