package dev.cognitoemulator.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SRP-6a as Cognito does it: the 3072-bit group of RFC 5054 (the MODP prime of RFC 3526), {@code g = 2},
 * {@code H} = SHA-256, {@code PAD(x)} = the big-endian two's-complement bytes of {@code x}. No maintained Java
 * library does Cognito's variant (its {@code x} hashes the pool's name in), so the arithmetic is written here, from
 * the protocol as amazon-cognito-identity-js's {@code AuthenticationHelper} computes it.
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
