package dev.cognitoemulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserPoolDomain;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store-wide index of domain names: claimed before a pool's write, kept in step with the pools' domains. */
class DomainIndexTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.seeded(1));

    private String newPool() {
        return store.createPool("us-east-1", id -> new UserPool(id, "p", "arn", NOW, NOW, SchemaAttribute.STANDARD,
                List.of(), List.of(), null, PoolSettings.defaults(), PoolFactors.NONE)).id();
    }

    private void put(String poolId, String name) {
        store.write(poolId, pool -> {
            pool.putDomain(new UserPoolDomain(name, poolId, null, 1, "d.cloudfront.net", NOW, NOW));
            return null;
        });
    }

    @Test
    void aClaimedNameIsTheClaimersUntilReleased() {
        String first = newPool();
        String second = newPool();

        assertThat(store.claimDomain("app", first)).isTrue();
        assertThat(store.claimDomain("app", second)).isFalse();
        assertThat(store.poolOfDomain("app")).isEqualTo(first);
        store.releaseDomain("app", second);
        assertThat(store.poolOfDomain("app")).isEqualTo(first);
        store.releaseDomain("app", first);
        assertThat(store.poolOfDomain("app")).isNull();
        assertThat(store.claimDomain("app", second)).isTrue();
    }

    @Test
    void removingTheDomainFreesTheName() {
        String poolId = newPool();
        assertThat(store.claimDomain("app", poolId)).isTrue();
        put(poolId, "app");
        UserPoolDomain stored = store.read(poolId, pool -> pool.domain("app"));
        assertThat(stored).isNotNull();

        store.write(poolId, pool -> {
            pool.removeDomain("app");
            return null;
        });

        assertThat(store.poolOfDomain("app")).isNull();
        List<UserPoolDomain> left = store.read(poolId, pool -> pool.domains());
        assertThat(left).isEmpty();
    }

    @Test
    void aDeletedPoolsDomainsLeaveTheIndex() {
        String poolId = newPool();
        store.claimDomain("app", poolId);
        put(poolId, "app");

        store.deletePool(poolId, pool -> { });

        assertThat(store.poolOfDomain("app")).isNull();
    }

    @Test
    void ofPoolsClaimingOneNameAtOnceExactlyOneGetsIt() throws Exception {
        List<String> pools = IntStream.range(0, 16).mapToObj(i -> newPool()).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(pools.size());
        try {
            List<Future<Boolean>> claims = pools.stream().map(p -> threads.submit(() -> {
                start.await();
                return store.claimDomain("contested", p);
            })).toList();
            start.countDown();
            long won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(pools).contains(store.poolOfDomain("contested"));
        } finally {
            threads.shutdownNow();
        }
    }
}
