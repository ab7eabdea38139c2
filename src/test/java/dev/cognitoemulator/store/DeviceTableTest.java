package dev.cognitoemulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pool's devices: by key, each user's in key order, gone with their user. */
class DeviceTableTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.seeded(1));
    private final String poolId = store.createPool("us-east-1", id -> new UserPool(id, "p", "arn", NOW, NOW,
            SchemaAttribute.STANDARD, List.of(), List.of(), null, PoolSettings.defaults(), PoolFactors.NONE)).id();

    private static User user(String name) {
        return new User(name, "sub-" + name, Attributes.of(Map.of("sub", "sub-" + name)), UserStatus.CONFIRMED, true,
                NOW, NOW, null, List.of(), MfaSettings.NONE);
    }

    private static Device device(String key, String sub) {
        return new Device(key, sub, "-group123", "phone", BigInteger.ONE, BigInteger.TWO, true, NOW, NOW, NOW,
                "127.0.0.1");
    }

    private List<String> keysOf(String sub, String after) {
        return store.read(poolId, pool -> {
            List<String> keys = new ArrayList<>();
            for (Iterator<Device> it = pool.devicesAfter(sub, after); it.hasNext(); ) {
                keys.add(it.next().key());
            }
            return keys;
        });
    }

    @Test
    void devicesAreFoundByKeyAndListedPerUserInKeyOrder() {
        store.write(poolId, pool -> {
            pool.put(user("alice"));
            pool.put(user("bob"));
            pool.putDevice(device("us-east-1_c", "sub-alice"));
            pool.putDevice(device("us-east-1_a", "sub-alice"));
            pool.putDevice(device("us-east-1_b", "sub-bob"));
            return null;
        });

        assertThat(keysOf("sub-alice", null)).containsExactly("us-east-1_a", "us-east-1_c");
        assertThat(keysOf("sub-alice", "us-east-1_a")).containsExactly("us-east-1_c");
        assertThat(keysOf("sub-bob", null)).containsExactly("us-east-1_b");
        assertThat(keysOf("sub-nobody", null)).isEmpty();
        String owner = store.read(poolId, pool -> pool.device("us-east-1_b").sub());
        assertThat(owner).isEqualTo("sub-bob");
    }

    @Test
    void aForgottenDeviceIsGone() {
        store.write(poolId, pool -> {
            pool.putDevice(device("us-east-1_a", "sub-alice"));
            pool.putDevice(device("us-east-1_b", "sub-alice"));
            return null;
        });

        store.write(poolId, pool -> {
            pool.removeDevice("us-east-1_a");
            return null;
        });

        Device gone = store.read(poolId, pool -> pool.device("us-east-1_a"));
        assertThat(gone).isNull();
        assertThat(keysOf("sub-alice", null)).containsExactly("us-east-1_b");
    }

    @Test
    void aDeletedUsersDevicesGoWithIt() {
        User alice = user("alice");
        store.write(poolId, pool -> {
            pool.put(alice);
            pool.put(user("bob"));
            pool.putDevice(device("us-east-1_a", "sub-alice"));
            pool.putDevice(device("us-east-1_b", "sub-bob"));
            return null;
        });

        store.write(poolId, pool -> {
            pool.remove(alice);
            return null;
        });

        Device gone = store.read(poolId, pool -> pool.device("us-east-1_a"));
        assertThat(gone).isNull();
        assertThat(keysOf("sub-alice", null)).isEmpty();
        assertThat(keysOf("sub-bob", null)).containsExactly("us-east-1_b");
    }

    @Test
    void aDeviceShowsNothingOfItsSecret() {
        assertThat(device("us-east-1_a", "sub-alice").toString()).isEqualTo("Device[us-east-1_a of sub-alice]");
    }
}
