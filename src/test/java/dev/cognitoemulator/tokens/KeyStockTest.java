package dev.cognitoemulator.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys ready before they are needed: a stock kept full in the background, each pool with its own key. */
class KeyStockTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Randomness random = Randomness.secure();
    private final KeyStock stock = new KeyStock(random);
    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(random);
    private final Keys keys = new Keys(store, stock);

    @AfterEach
    void stop() {
        stock.close();
    }

    private String pool() {
        return store.createPool("us-east-1", id -> new UserPool(id, "p", "arn", NOW, NOW, SchemaAttribute.STANDARD,
                List.of(), List.of(), null, PoolSettings.defaults(), PoolFactors.NONE)).id();
    }

    @Test
    void onceStockedANewPoolsKeyIsTakenFromTheStockNotMade() throws InterruptedException {
        keys.of(pool());
        assertThat(stock.awaitStocked(KeyStock.CAPACITY, PATIENCE)).as("filled in the background").isTrue();
        int madeBefore = stock.madeOnDemand();

        for (int i = 0; i < KeyStock.CAPACITY; i++) {
            keys.of(pool());
        }

        assertThat(stock.madeOnDemand()).as("no request waited for a key").isEqualTo(madeBefore);
    }

    @Test
    void eachPoolKeepsItsOwnKey() {
        String a = pool();
        String b = pool();

        SigningKey first = keys.of(a);

        assertThat(keys.of(a)).isSameAs(first);
        assertThat(keys.of(b).keyId()).isNotEqualTo(first.keyId());
        assertThat(keys.jwks(a).toString()).contains(first.keyId());
    }

    @Test
    void aDeletedPoolsKeyGoesBackToTheStock() {
        stock.close();
        String poolId = pool();
        SigningKey key = keys.of(poolId);
        assertThat(stock.madeOnDemand()).as("closed: no filler, the key was made on demand").isEqualTo(1);

        keys.retire(store.deletePool(poolId, pool -> { }));

        assertThat(stock.take()).isSameAs(key);
        assertThat(stock.madeOnDemand()).isEqualTo(1);
    }
}
