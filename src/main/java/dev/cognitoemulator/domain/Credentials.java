package dev.cognitoemulator.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What a password leaves on the server, computed once when it is set: a salted SHA-256 hash (an emulator needs no
 * slow hash, but keeps no plain text either) that password sign-in checks, and the SRP salt and verifier that SRP
 * sign-in proves it against.
 */
public record Credentials(byte[] hashSalt, byte[] hash, BigInteger srpSalt, BigInteger srpVerifier) {

    /** The credentials of {@code password} for the user SRP knows as {@code userIdForSrp} (its username). */
    public static Credentials of(String poolId, String userIdForSrp, String password, Randomness random) {
        byte[] salt = random.bytes(16);
        BigInteger srpSalt = Srp.newSalt(random);
        return new Credentials(salt, digest(salt, password), srpSalt,
                Srp.verifier(Ids.poolName(poolId), userIdForSrp, password, srpSalt));
    }

    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, digest(hashSalt, password));
    }

    private static byte[] digest(byte[] salt, String password) {
        MessageDigest sha = Srp.sha256();
        sha.update(salt);
        return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && MessageDigest.isEqual(hash, c.hash)
                && MessageDigest.isEqual(hashSalt, c.hashSalt) && srpVerifier.equals(c.srpVerifier);
    }

    @Override
    public int hashCode() {
        return srpVerifier.hashCode();
    }

    /** Nothing of the password's traces. */
    @Override
    public String toString() {
        return "Credentials[…]";
    }
}
