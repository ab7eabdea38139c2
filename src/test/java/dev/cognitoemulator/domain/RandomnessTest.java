package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one source of ids and secrets: fixed by a seed in tests, shaped as AWS shapes them. */
class RandomnessTest {

    @Test
    void theSameSeedGivesTheSameIds() {
        Randomness a = Randomness.seeded(42);
        Randomness b = Randomness.seeded(42);

        assertThat(Ids.poolId(a, "us-east-1")).isEqualTo(Ids.poolId(b, "us-east-1"));
        assertThat(a.uuid()).isEqualTo(b.uuid());
        assertThat(a.token(48)).isEqualTo(b.token(48));
        assertThat(Randomness.seeded(43).uuid()).isNotEqualTo(Randomness.seeded(42).uuid());
    }

    @Test
    void idsLookLikeAwssOwn() {
        Randomness random = Randomness.secure();

        assertThat(Ids.poolId(random, "eu-west-1")).matches("eu-west-1_[0-9A-Za-z]{9}");
        assertThat(Ids.clientId(random)).matches("[0-9a-z]{26}");
        assertThat(Ids.clientSecret(random)).matches("[0-9a-z]{51}");
        assertThat(random.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(random.token(48)).matches("[A-Za-z0-9_-]{64}");
        assertThat(Ids.poolName("us-east-1_AbC123xYz")).isEqualTo("AbC123xYz");
    }
}
