package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.NotFound;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.domain.UserPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pools in memory; a read-write lock per pool, none across pools. Optionally written through to a data directory
 * ({@link #open}): reads stay in memory, and a write returns once its changes are on disk.
 */
public final class InMemoryUserPoolStore implements UserPoolStore, AutoCloseable {

    private final Randomness random;
    private Journal journal = Journal.NONE;
    private final ConcurrentSkipListMap<String, PoolState> pools = new ConcurrentSkipListMap<>();
    private final Map<String, String> clientPools = new ConcurrentHashMap<>();
    /**
     * Every domain name, store-wide, and its pool: a name is claimed here (atomically, no lock across pools) before
     * the pool's write that puts the domain, and released when that write fails or the domain goes.
     */
    private final Map<String, String> domainPools = new ConcurrentHashMap<>();

    public InMemoryUserPoolStore(Randomness random) {
        this.random = random;
    }

    /**
     * The pools of the data directory (made when missing), loaded into memory; each write is committed to it
     * before the write returns. Holds the directory (a lock file) until {@link #close()}.
     *
     * @throws DataDirectoryException when another process holds the directory, or its database is unreadable,
     *         corrupt or of a newer schema
     */
    public static InMemoryUserPoolStore open(Randomness random, Path dataDir, Durability durability) {
        InMemoryUserPoolStore store = new InMemoryUserPoolStore(random);
        store.journal = SqliteJournal.open(dataDir, durability, pool -> {
            PoolState state = new PoolState(pool, store.clientPools, store.domainPools);
            store.pools.put(pool.id(), state);
            return state;
        });
        return store;
    }

    /** Waits for the writes submitted to the data directory, then lets it go; nothing for a store in memory only. */
    @Override
    public void close() {
        journal.close();
    }

    @Override
    public UserPool createPool(String region, Function<String, UserPool> build) {
        try (Journal.Entry entry = journal.begin()) {
            while (true) {
                String id = Ids.poolId(random, region);
                if (pools.containsKey(id)) {
                    continue;
                }
                UserPool pool = build.apply(id);
                PoolState state = new PoolState(pool, clientPools, domainPools);
                // Locked before it is seen: a write to the new pool comes after its creation, in memory and on disk.
                Lock lock = state.lock.writeLock();
                lock.lock();
                try {
                    if (pools.putIfAbsent(id, state) != null) {
                        continue;
                    }
                    entry.createPool(pool);
                    entry.submit();
                } finally {
                    lock.unlock();
                }
                entry.await();
                return pool;
            }
        }
    }

    @Override
    public UserPool createPoolWithId(String id, Supplier<UserPool> build) {
        if (pools.containsKey(id)) {
            return null;
        }
        UserPool pool = build.get();
        return pools.putIfAbsent(id, new PoolState(pool, clientPools, domainPools)) == null ? pool : null;
    }

    @Override
    public UserPool pool(String poolId) {
        return state(poolId).pool();
    }

    @Override
    public List<UserPool> pools(String afterId, int limit) {
        List<UserPool> page = new ArrayList<>(Math.min(limit, 64));
        for (PoolState state : (afterId == null ? pools : pools.tailMap(afterId, false)).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(state.pool());
        }
        return page;
    }

    @Override
    public SigningKey deletePool(String poolId, Consumer<PoolView> check) {
        PoolState state = state(poolId);
        try (Journal.Entry entry = journal.begin()) {
            Lock lock = state.lock.writeLock();
            lock.lock();
            try {
                if (pools.get(poolId) != state) {
                    throw NotFound.pool(poolId);
                }
                check.accept(state);
                pools.remove(poolId, state);
                state.forgetIndexed();
                entry.deletePool(poolId);
                entry.submit();
            } finally {
                lock.unlock();
            }
            entry.await();
            return state.signingKey();
        }
    }

    @Override
    public String poolOfClient(String clientId) {
        String poolId = clientPools.get(clientId);
        if (poolId == null) {
            throw NotFound.client(clientId);
        }
        return poolId;
    }

    @Override
    public boolean claimDomain(String domain, String poolId) {
        return domainPools.putIfAbsent(domain, poolId) == null;
    }

    @Override
    public void releaseDomain(String domain, String poolId) {
        domainPools.remove(domain, poolId);
    }

    @Override
    public String poolOfDomain(String domain) {
        return domainPools.get(domain);
    }

    @Override
    public <T> T read(String poolId, Function<PoolView, T> reader) {
        PoolState state = state(poolId);
        Lock lock = state.lock.readLock();
        lock.lock();
        try {
            if (pools.get(poolId) != state) {
                throw NotFound.pool(poolId);
            }
            return reader.apply(state);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T write(String poolId, Function<PoolWrite, T> writer) {
        PoolState state = state(poolId);
        // Room in the journal is taken before the lock, and the disk waited for after it: no pool lock is held
        // while waiting, yet entries are submitted under it, in the order their writes changed the pool.
        try (Journal.Entry entry = journal.begin()) {
            T result;
            Lock lock = state.lock.writeLock();
            lock.lock();
            try {
                if (pools.get(poolId) != state) {
                    throw NotFound.pool(poolId);
                }
                Transaction transaction = new Transaction(state);
                result = writer.apply(transaction);
                for (Mutation mutation : transaction.mutations()) {
                    entry.record(state, mutation);
                    state.apply(mutation);
                }
                entry.submit();
            } finally {
                lock.unlock();
            }
            entry.await();
            return result;
        }
    }

    private PoolState state(String poolId) {
        PoolState state = pools.get(poolId);
        if (state == null) {
            throw NotFound.pool(poolId);
        }
        return state;
    }
}
