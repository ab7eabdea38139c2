package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.PoolTable;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Function;

/** Pools in memory; a read-write lock per pool, none across pools. */
public final class InMemoryUserPoolStore implements UserPoolStore {

    private final ConcurrentSkipListMap<String, PoolState> pools = new ConcurrentSkipListMap<>();
    private final Map<String, String> clientPools = new ConcurrentHashMap<>();

    @Override
    public UserPool createPool(String region, Function<String, UserPool> build) {
        while (true) {
            String id = Ids.poolId(region);
            if (pools.containsKey(id)) {
                continue;
            }
            UserPool pool = build.apply(id);
            if (pools.putIfAbsent(id, new PoolState(pool, clientPools)) == null) {
                return pool;
            }
        }
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
    public void deletePool(String poolId, Consumer<UserPool> check) {
        PoolState state = state(poolId);
        Lock lock = state.lock.writeLock();
        lock.lock();
        try {
            check.accept(state.pool());
            pools.remove(poolId, state);
            state.forgetClients();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String poolOfClient(String clientId) {
        String poolId = clientPools.get(clientId);
        if (poolId == null) {
            // Captured: aws/aws-sdk-php#2183.
            throw new CognitoException(ErrorCode.ResourceNotFoundException,
                    "User pool client " + clientId + " does not exist.");
        }
        return poolId;
    }

    @Override
    public <T> T read(String poolId, Function<PoolView, T> reader) {
        PoolState state = state(poolId);
        Lock lock = state.lock.readLock();
        lock.lock();
        try {
            if (pools.get(poolId) != state) {
                throw notFound(poolId);
            }
            return reader.apply(state);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T write(String poolId, Function<PoolTable, T> writer) {
        PoolState state = state(poolId);
        Lock lock = state.lock.writeLock();
        lock.lock();
        try {
            if (pools.get(poolId) != state) {
                throw notFound(poolId);
            }
            return writer.apply(state);
        } finally {
            lock.unlock();
        }
    }

    private PoolState state(String poolId) {
        PoolState state = pools.get(poolId);
        if (state == null) {
            throw notFound(poolId);
        }
        return state;
    }

    private static CognitoException notFound(String poolId) {
        return new CognitoException(ErrorCode.ResourceNotFoundException, "User pool " + poolId + " does not exist.");
    }
}
