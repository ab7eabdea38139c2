package dev.cognitoemulator.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SigningKey;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RSA-2048 keys made before they are needed. Making one takes 100 to 400 ms of CPU here, so a pool's first sign-in
 * would wait for it: instead a bounded stock is kept full by one background thread, started when the first key is
 * taken (a run that signs nothing makes none), and a deleted pool's key goes back into the stock. Each pool still has
 * its own key while it exists, as in Cognito; a key handed on after its pool is gone verifies no token of the new
 * pool's that the old pool made, because tokens name their pool in {@code iss}.
 */
public final class KeyStock implements AutoCloseable {

    /** Enough for a burst of new pools signing in; each key is about 2.5 KB. */
    static final int CAPACITY = 4;

    private final Randomness random;
    private final BlockingQueue<SigningKey> stock = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicInteger madeOnDemand = new AtomicInteger();
    private Thread filler;
    private boolean closed;

    public KeyStock(Randomness random) {
        this.random = random;
    }

    /** A key from the stock, or (when it is empty) one made now. */
    public SigningKey take() {
        startFiller();
        SigningKey key = stock.poll();
        if (key != null) {
            return key;
        }
        madeOnDemand.incrementAndGet();
        return generate();
    }

    /** How many keys were made while a request waited (the stock was empty). */
    int madeOnDemand() {
        return madeOnDemand.get();
    }

    /** Waits (at most {@code timeout}) until the stock holds {@code count} keys; for tests, which may not sleep. */
    synchronized boolean awaitStocked(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stock.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** A key its pool no longer needs; dropped when the stock is full. */
    public void giveBack(SigningKey key) {
        stock.offer(key);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (filler != null) {
            filler.interrupt();
        }
    }

    private synchronized void startFiller() {
        if (filler != null || closed) {
            return;
        }
        filler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    stock.put(generate());
                    synchronized (this) {
                        notifyAll();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cognito-emulator-keys");
        filler.setDaemon(true);
        filler.setPriority(Thread.MIN_PRIORITY);
        filler.start();
    }

    private SigningKey generate() {
        try {
            RSAKey jwk = new RSAKeyGenerator(2048).secureRandom(random.secureRandom()).generate();
            return new SigningKey(Base64.getEncoder().encodeToString(random.bytes(32)), jwk.toRSAPublicKey(),
                    RsaSigning.signingKey(jwk.toRSAPrivateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }
}
