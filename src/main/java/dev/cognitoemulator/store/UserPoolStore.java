package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.domain.UserPool;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pools and everything in them. Pools are independent: each has its own lock. A write runs alone in its pool
 * and is all or nothing: its changes are recorded and applied when the writer returns; reads run together and never
 * see half a write. Unknown pools are {@code ResourceNotFoundException}.
 */
public interface UserPoolStore {

    /** Stores a new pool; {@code build} gets a fresh, unused pool id. */
    UserPool createPool(String region, Function<String, UserPool> build);

    /** Stores a new pool under the id asked for (a seed's, a {@code _custom_id_} tag's); null when it is taken. */
    UserPool createPoolWithId(String id, Supplier<UserPool> build);

    UserPool pool(String poolId);

    /** Pools in id order, starting after {@code afterId} (from the first when null), at most {@code limit}. */
    List<UserPool> pools(String afterId, int limit);

    /**
     * Deletes the pool, with its clients, users and key, after {@code check} (which may throw to refuse); answers
     * the key it had (null if none), which no token of a pool that exists was signed with.
     */
    SigningKey deletePool(String poolId, Consumer<PoolView> check);

    /** The pool an app client belongs to; {@code ResourceNotFoundException} for an unknown client. */
    String poolOfClient(String clientId);

    /**
     * Claims a domain name for the pool, store-wide (names are unique across pools); false when it is taken. The
     * write that puts the domain follows; when it fails, the claim is released with {@link #releaseDomain}.
     */
    boolean claimDomain(String domain, String poolId);

    /** Gives up the pool's claim on the name (a no-op when another pool has it). */
    void releaseDomain(String domain, String poolId);

    /** The pool a domain name belongs to (or is claimed by), or null. */
    String poolOfDomain(String domain);

    <T> T read(String poolId, Function<PoolView, T> reader);

    <T> T write(String poolId, Function<PoolWrite, T> writer);
}
