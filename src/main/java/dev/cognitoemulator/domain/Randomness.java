package dev.cognitoemulator.domain;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The one source of randomness of the emulator's state: ids, {@code sub}s, codes, salts, signing keys, token ids.
 * Injected, so that a test can fix it ({@link #seeded}); request ids, which are not state, do not come from here.
 */
public final class Randomness {

    private final SecureRandom random;

    private Randomness(SecureRandom random) {
        this.random = random;
    }

    public static Randomness secure() {
        return new Randomness(new SecureRandom());
    }

    /** The same sequence for the same seed, as long as one thread draws from it. */
    public static Randomness seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return new Randomness(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For libraries that take a SecureRandom (key generation). */
    public SecureRandom secureRandom() {
        return random;
    }

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A version-4 UUID, as AWS writes a {@code sub}. */
    public String uuid() {
        ByteBuffer b = ByteBuffer.wrap(bytes(16));
        long high = (b.getLong() & ~0xF000L) | 0x4000L;
        long low = (b.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    public String string(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** An opaque token of {@code length} random bytes, URL-safe Base64 without padding. */
    public String token(int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
    }
}
