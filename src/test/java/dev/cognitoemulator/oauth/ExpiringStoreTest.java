package dev.cognitoemulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounded store of codes, sessions and pending authorizations: expiry, single use, the bound. */
class ExpiringStoreTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anEntryIsGoneAtItsExpiry() {
        ExpiringStore<String> store = new ExpiringStore<>(10);
        store.put("a", "A", now.plusSeconds(60), now);
        assertThat(store.get("a", now.plusSeconds(59))).isEqualTo("A");
        assertThat(store.get("a", now.plusSeconds(60))).isNull();
        assertThat(store.get(null, now)).isNull();
    }

    @Test
    void takeWorksOnce() {
        ExpiringStore<String> store = new ExpiringStore<>(10);
        store.put("a", "A", now.plusSeconds(60), now);
        assertThat(store.take("a", now)).isEqualTo("A");
        assertThat(store.take("a", now)).isNull();
        store.put("b", "B", now.plusSeconds(60), now);
        assertThat(store.take("b", now.plus(Duration.ofMinutes(1)))).isNull();
        assertThat(store.get("b", now)).isNull();
    }

    @Test
    void aFullStoreDropsTheExpiredThenTheSoonestToExpire() {
        ExpiringStore<String> store = new ExpiringStore<>(2);
        store.put("old", "1", now.plusSeconds(10), now);
        store.put("late", "2", now.plusSeconds(300), now);
        store.put("soon", "3", now.plusSeconds(100), now.plusSeconds(20));
        assertThat(store.get("old", now)).isNull();
        assertThat(store.get("late", now)).isEqualTo("2");
        assertThat(store.get("soon", now)).isEqualTo("3");
        store.put("new", "4", now.plusSeconds(200), now);
        assertThat(store.get("soon", now)).isNull();
        assertThat(store.get("late", now)).isEqualTo("2");
        assertThat(store.get("new", now)).isEqualTo("4");
    }
}
