package dev.cognitoemulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes as recorded mutations: applied together when the writer returns, none when it throws. */
class TransactionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.seeded(1));
    private final String poolId = store.createPool("us-east-1", id -> new UserPool(id, "p", "arn", NOW, NOW,
            SchemaAttribute.STANDARD, List.of(), List.of(), null, PoolSettings.defaults(), PoolFactors.NONE)).id();

    private static User user(String name) {
        return new User(name, "sub-" + name, Attributes.of(Map.of("sub", "sub-" + name)), UserStatus.CONFIRMED, true,
                NOW, NOW, null, List.of(), MfaSettings.NONE);
    }

    @Test
    void aWriterThatThrowsChangesNothing() {
        assertThatThrownBy(() -> store.write(poolId, pool -> {
            pool.put(user("alice"));
            pool.putGroup(new Group("g", poolId, null, null, null, NOW, NOW));
            throw new IllegalArgumentException("refused after two changes");
        })).hasMessage("refused after two changes");

        User user = store.read(poolId, pool -> pool.byUsernameKey("alice"));
        Group group = store.read(poolId, pool -> pool.group("g"));
        assertThat(user).isNull();
        assertThat(group).isNull();
    }

    @Test
    void changesApplyTogetherInTheirOrder() {
        User alice = user("alice");
        store.write(poolId, pool -> {
            pool.put(alice);
            pool.put(alice.withGroups(List.of("g")));
            pool.putGroup(new Group("g", poolId, null, null, null, NOW, NOW));
            return null;
        });

        List<String> groups = store.read(poolId, pool -> pool.bySub("sub-alice").groups());
        String member = store.read(poolId, pool -> pool.membersAfter("g", null).next().username());
        assertThat(groups).containsExactly("g");
        assertThat(member).isEqualTo("alice");
    }

    @Test
    void aReadAfterAChangeInTheSameWriteIsRefused() {
        // With assertions on (the tests run with them): a read would not see the write's own changes.
        assertThatThrownBy(() -> store.write(poolId, pool -> {
            pool.put(user("alice"));
            return pool.byUsernameKey("alice");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("a read after a change");
    }

    @Test
    void sessionsAreBounded() {
        ChallengeState state = () -> "TEST";
        store.write(poolId, pool -> {
            for (int i = 0; i <= SessionTable.MAX; i++) {
                pool.putSession(new AuthSession("s" + i, "c", "sub", state, NOW.plusSeconds(60)));
            }
            return null;
        });

        AuthSession oldest = store.read(poolId, pool -> pool.session("s0"));
        AuthSession newest = store.read(poolId, pool -> pool.session("s" + SessionTable.MAX));
        assertThat(oldest).as("the oldest went").isNull();
        assertThat(newest).isNotNull();
    }

    @Test
    void deletingAPoolTakesItsClientsOutOfTheIndexAndAnswersItsKey() {
        assertThat(store.deletePool(poolId, pool -> { })).isNull();
        assertThatThrownBy(() -> store.read(poolId, pool -> pool)).hasMessage("User pool " + poolId
                + " does not exist.");
    }
}
