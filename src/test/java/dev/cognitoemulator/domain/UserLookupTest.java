package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one user lookup: username (case rules), sub, then the aliases the pool allows, from the store's indexes. */
class UserLookupTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.secure());

    private String pool(List<String> usernameAttributes, List<String> aliasAttributes, Boolean caseSensitive) {
        return store.createPool("us-east-1", id -> new UserPool(id, "p", "arn", NOW, NOW, SchemaAttribute.STANDARD,
                usernameAttributes, aliasAttributes, caseSensitive, PoolSettings.defaults(), PoolFactors.NONE)).id();
    }

    private User put(String poolId, String username, String... attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sub", "sub-" + username);
        for (int i = 0; i < attributes.length; i += 2) {
            values.put(attributes[i], attributes[i + 1]);
        }
        User user = new User(username, "sub-" + username, Attributes.of(values), UserStatus.CONFIRMED, true, NOW, NOW,
                null, List.of(), MfaSettings.NONE);
        store.write(poolId, table -> {
            table.put(user);
            return null;
        });
        return user;
    }

    private User find(String poolId, String username) {
        return store.read(poolId, users -> UserLookup.findOrNull(users, username));
    }

    @Test
    void findsByUsernameAndBySub() {
        String poolId = pool(List.of(), List.of(), null);
        User alice = put(poolId, "alice");

        assertThat(find(poolId, "alice")).isEqualTo(alice);
        assertThat(find(poolId, "sub-alice")).isEqualTo(alice);
        assertThat(find(poolId, "ALICE")).as("case-sensitive by default").isNull();
    }

    @Test
    void caseInsensitivePoolsFoldUsernamesAndEmailAliases() {
        String poolId = pool(List.of(), List.of("email"), false);
        User alice = put(poolId, "Alice", "email", "Alice@Example.com", "email_verified", "true");

        assertThat(find(poolId, "aLiCe")).isEqualTo(alice);
        assertThat(find(poolId, "alice@example.COM")).isEqualTo(alice);
    }

    @Test
    void emailAndPhoneAliasesCountOnlyOnceVerified() {
        String poolId = pool(List.of(), List.of("email", "phone_number", "preferred_username"), null);
        User unverified = put(poolId, "u1", "email", "u1@example.com", "phone_number", "+15550001");
        User verified = put(poolId, "u2", "email", "u2@example.com", "email_verified", "true",
                "phone_number", "+15550002", "phone_number_verified", "true", "preferred_username", "two");

        assertThat(find(poolId, "u1@example.com")).isNull();
        assertThat(find(poolId, "+15550001")).isNull();
        assertThat(find(poolId, "u2@example.com")).isEqualTo(verified);
        assertThat(find(poolId, "+15550002")).isEqualTo(verified);
        assertThat(find(poolId, "two")).isEqualTo(verified);
        assertThat(unverified).isNotNull();
    }

    @Test
    void aliasesOutsideThePoolsAliasAttributesDoNotCount() {
        String poolId = pool(List.of(), List.of(), null);
        put(poolId, "u", "email", "u@example.com", "email_verified", "true");

        assertThat(find(poolId, "u@example.com")).isNull();
    }

    @Test
    void usernameAttributesPoolsFindByEmailWhetherVerifiedOrNot() {
        String poolId = pool(List.of("email"), List.of(), null);
        User user = put(poolId, "0b7c2a55-uuid", "email", "x@example.com");

        assertThat(find(poolId, "x@example.com")).isEqualTo(user);
    }

    @Test
    void replacingAUserMovesItsIndexEntries() {
        String poolId = pool(List.of(), List.of("email"), null);
        User user = put(poolId, "u", "email", "old@example.com", "email_verified", "true");
        store.write(poolId, table -> {
            table.put(user.withAttributes(user.attributes().with("email", "new@example.com"), NOW));
            return null;
        });

        assertThat(find(poolId, "old@example.com")).isNull();
        assertThat(find(poolId, "new@example.com").username()).isEqualTo("u");
        List<User> byOldEmail = store.read(poolId, users -> users.byAttributeValue("email", "old@example.com"));
        assertThat(byOldEmail).isEmpty();
    }

    @Test
    void missingUserIsUserNotFoundWithCognitosText() {
        String poolId = pool(List.of(), List.of(), null);

        assertThatThrownBy(() -> store.read(poolId, users -> users.requireUser("nobody")))
                .isInstanceOfSatisfying(CognitoException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UserNotFoundException);
                    assertThat(e.getMessage()).isEqualTo("User does not exist.");
                });
    }
}
