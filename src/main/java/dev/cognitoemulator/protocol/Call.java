package dev.cognitoemulator.protocol;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One request to an operation, beyond its body: the services, the region it was signed for (or the default one),
 * the client's address and the moment it runs at (the clock read once, so that every date an answer carries agrees).
 */
public final class Call {

    private final Services services;
    private final String requestId;
    private final String region;
    private final String sourceIp;
    private final String origin;
    private final Instant now;

    public Call(Services services, String requestId, String region) {
        this(services, requestId, region, null);
    }

    public Call(Services services, String requestId, String region, String sourceIp) {
        this(services, requestId, region, sourceIp, null);
    }

    public Call(Services services, String requestId, String region, String sourceIp, String origin) {
        this.services = services;
        this.requestId = requestId;
        this.region = region;
        this.sourceIp = sourceIp;
        this.origin = origin;
        this.now = services.clock().instant();
    }

    /** The {@code x-amzn-RequestId} of the answer (some of AWS's texts name it). */
    public String requestId() {
        return requestId;
    }

    public Services services() {
        return services;
    }

    public UserPoolStore store() {
        return services.store();
    }

    public Randomness random() {
        return services.random();
    }

    public String region() {
        return region;
    }

    public Instant now() {
        return now;
    }

    /** The client's IP address (a device's {@code last_ip_used}); null when unknown. */
    public String sourceIp() {
        return sourceIp;
    }

    /**
     * {@code scheme://host[:port]} as the client reached the emulator (for URLs it is to call back, such as an import
     * job's upload URL); null when unknown.
     */
    public String origin() {
        return origin;
    }

    public <T> T read(String poolId, Function<PoolView, T> reader) {
        return services.store().read(poolId, reader);
    }

    public <T> T write(String poolId, Function<PoolWrite, T> writer) {
        return services.store().write(poolId, writer);
    }

    /**
     * Finds the user, works out {@code prepare(pool, user)} with no lock held (an SRP verifier costs milliseconds of
     * CPU), then puts {@code apply(user, prepared)} in its place, unless the user changed meanwhile: then it starts
     * over (a few times at most).
     */
    public <P> User updateUser(String poolId, String username, BiFunction<UserPool, User, P> prepare,
            BiFunction<User, P, User> apply) {
        return updateUser(() -> read(poolId, pool -> new PoolView.Snapshot(pool.pool(), pool.requireUser(username))),
                prepare, (read, change) -> write(poolId, pool -> pool.bySub(read.user().sub()) == read.user()
                        ? change.apply(pool) : null), apply);
    }

    /**
     * The read → prepare → write-unless-changed loop of every update whose preparation is costly: {@code read} finds
     * the user, {@code write} runs the change it is given in a write when the user is still the one read (and
     * answers null otherwise); after three changes under it in a row it gives up.
     */
    public static <P> User updateUser(Supplier<PoolView.Snapshot> read, BiFunction<UserPool, User, P> prepare,
            BiFunction<PoolView.Snapshot, Function<PoolWrite, User>, User> write, BiFunction<User, P, User> apply) {
        for (int round = 1; ; round++) {
            PoolView.Snapshot snapshot = read.get();
            P prepared = prepare.apply(snapshot.pool(), snapshot.user());
            User written = write.apply(snapshot, pool -> {
                User changed = apply.apply(snapshot.user(), prepared);
                pool.put(changed);
                return changed;
            });
            if (written != null) {
                return written;
            }
            if (round == 3) {
                throw new IllegalStateException("the user changed under 3 updates in a row");
            }
        }
    }

    /** Finds the user (by username, alias or sub) and puts what {@code change} makes of it in its place. */
    public User updateUser(String poolId, String username, UnaryOperator<User> change) {
        return write(poolId, pool -> {
            User changed = change.apply(pool.requireUser(username));
            pool.put(changed);
            return changed;
        });
    }
}
