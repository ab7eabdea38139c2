package dev.cognitoemulator.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids as AWS sends them (a version-4 UUID), without the shared SecureRandom of UUID.randomUUID. */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
