package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * SRP's verifier as Cognito's clients compute it (amazon-cognito-identity-js AuthenticationHelper): the expected
 * values were computed apart from this code, with Python's hashlib and pow(), from the same formula:
 * {@code x = SHA256(PAD(salt) || SHA256(poolName || userId || ":" || password))}, {@code v = 2^x mod N}.
 */
class SrpTest {

    @Test
    void theGroupIsRfc5054s3072BitPrime() {
        assertThat(Srp.N.bitLength()).isEqualTo(3072);
        assertThat(Srp.N.isProbablePrime(64)).isTrue();
        assertThat(Srp.N.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(64)).as("a safe prime").isTrue();
        assertThat(Srp.G).isEqualTo(BigInteger.TWO);
    }

    @Test
    void theVerifierMatchesAnIndependentComputation() {
        // A salt whose first bit is 1: PAD puts a zero byte before it.
        BigInteger v = Srp.verifier("AbC123xYz", "alice", "Passw0rd!",
                new BigInteger("f0e1d2c3b4a5968778695a4b3c2d1e0f", 16));
        String hex = v.toString(16);

        assertThat(hex).hasSize(768).startsWith("bb4a69c991b360a2d4bb043ea055a62c498f4384d3d24682751a2fb40391c9d7")
                .endsWith("daa7ef599453f47b");
    }

    @Test
    void aSaltWithALeadingZeroNibbleIsHashedWithoutAPaddingByte() {
        BigInteger v = Srp.verifier("AbC123xYz", "alice", "Passw0rd!",
                new BigInteger("0ae1d2c3b4a5968778695a4b3c2d1e0f", 16));

        assertThat(v.toString(16)).startsWith("fc045830913d00f6e3e5ebe751e30400eb359f364625e70c63ec658e6d9aa9b9")
                .endsWith("8e9484fe4c54ced9");
    }

    @Test
    void padIsTwosComplementBigEndian() {
        assertThat(Srp.pad(new BigInteger("80", 16))).containsExactly(0, 0x80);
        assertThat(Srp.pad(new BigInteger("7f", 16))).containsExactly(0x7f);
    }

    @Test
    void credentialsCheckThePasswordAndShowNothingOfIt() {
        Randomness random = Randomness.seeded(7);
        Credentials credentials = Credentials.of("us-east-1_AbC123xYz", "alice", "Passw0rd!", random);

        assertThat(credentials.matches("Passw0rd!")).isTrue();
        assertThat(credentials.matches("passw0rd!")).isFalse();
        assertThat(credentials.srpVerifier()).isEqualTo(Srp.verifier("AbC123xYz", "alice", "Passw0rd!",
                credentials.srpSalt()));
        assertThat(credentials.toString()).doesNotContain("Passw0rd!").doesNotContain(credentials.srpSalt()
                .toString(16));
        assertThat(Credentials.of("us-east-1_AbC123xYz", "alice", "Passw0rd!", random).srpSalt())
                .as("a new salt each time").isNotEqualTo(credentials.srpSalt());
    }
}
