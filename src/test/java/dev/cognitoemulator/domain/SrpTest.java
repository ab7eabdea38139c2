package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SRP as Cognito's clients compute it. The verifier vectors were computed apart from this code, with Python's hashlib
 * and pow(), from the formula {@code x = SHA256(PAD(salt) || SHA256(poolName || userId || ":" || password))},
 * {@code v = 2^x mod N}. The sign-in vectors ({@code srp-vectors.json}: a fixed {@code a}, {@code b}, salt, password,
 * secret block and timestamp; the {@code A}, {@code B}, {@code u}, {@code S}, session key and signature they give)
 * were derived once by {@code src/test/node/srp-vectors.mjs} with amazon-cognito-identity-js 6.3.21's
 * AuthenticationHelper and BigInteger: one for a user (the pool's name and the username), one for a device (its group
 * key and device key).
 */
class SrpTest {

    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode vectors() throws IOException {
        try (InputStream in = SrpTest.class.getResourceAsStream("srp-vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static BigInteger hex(JsonNode vector, String name) {
        return new BigInteger(vector.path(name).asText(), 16);
    }

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
    void theMultiplierIsTheClientLibrarysK() throws IOException {
        assertThat(Srp.K).isEqualTo(hex(vectors().path("user"), "k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "device"})
    void aSignInGivesTheClientLibrarysValues(String which) throws IOException {
        JsonNode vector = vectors().path(which);
        String group = vector.path("group").asText();
        String userId = vector.path("userId").asText();
        BigInteger v = Srp.verifier(group, userId, vector.path("password").asText(), hex(vector, "salt"));
        BigInteger clientKey = Srp.G.modPow(hex(vector, "a"), Srp.N);
        Srp.ServerKey server = Srp.serverKey(v, hex(vector, "b"));
        BigInteger u = Srp.scrambler(clientKey, server.publicKey());

        assertThat(v).as("v").isEqualTo(hex(vector, "v"));
        assertThat(clientKey).as("A").isEqualTo(hex(vector, "A"));
        assertThat(server.publicKey()).as("B").isEqualTo(hex(vector, "B"));
        assertThat(u).as("u").isEqualTo(hex(vector, "u"));
        assertThat(Srp.premasterSecret(clientKey, v, u, server.b())).as("S").isEqualTo(hex(vector, "S"));
        byte[] key = Srp.sessionKey(clientKey, v, server);
        assertThat(HEX.formatHex(key)).as("K").isEqualTo(vector.path("K").asText());
        byte[] signature = Srp.signature(key, group, userId,
                Base64.getDecoder().decode(vector.path("secretBlock").asText()), vector.path("timestamp").asText());
        assertThat(Base64.getEncoder().encodeToString(signature)).as("signature")
                .isEqualTo(vector.path("signature").asText());
    }

    @Test
    void clientKeysAreHexadecimalNumbersNotZeroModuloN() {
        assertThat(Srp.clientKey("2")).isEqualTo(BigInteger.TWO);
        assertThat(Srp.clientKey("00ff")).isEqualTo(BigInteger.valueOf(255));
        assertThat(Srp.clientKey(Srp.N.toString(16))).as("N").isNull();
        assertThat(Srp.clientKey(Srp.N.shiftLeft(1).toString(16))).as("2N").isNull();
        assertThat(Srp.clientKey("0")).isNull();
        assertThat(Srp.clientKey("")).isNull();
        assertThat(Srp.clientKey("xyz")).isNull();
        assertThat(Srp.clientKey("-5")).as("a sign").isNull();
        assertThat(Srp.clientKey("1".repeat(2000))).as("too long").isNull();
    }

    @Test
    void serverKeysAreFreshAndShort() {
        Randomness random = Randomness.seeded(3);
        BigInteger v = Srp.verifier("AbC123xYz", "alice", "Passw0rd!", BigInteger.TEN);
        Srp.ServerKey one = Srp.serverKey(v, random);
        Srp.ServerKey two = Srp.serverKey(v, random);

        assertThat(one.b()).isNotEqualTo(two.b());
        assertThat(one.b().bitLength()).as("256-bit secrets, RFC 5054's least").isLessThanOrEqualTo(256);
        assertThat(one.publicKey()).isEqualTo(Srp.K.multiply(v).add(Srp.G.modPow(one.b(), Srp.N)).mod(Srp.N));
        assertThat(one.toString()).doesNotContain(one.b().toString(16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed May 7 00:09:40 UTC 2025", "Sun Jan 12 09:05:07 UTC 2025",
        "Thu Feb 29 23:59:59 UTC 2024", "Fri Aug 11 15:51:06 UTC 2023"})
    void timestampsInCognitosFormatAreTaken(String timestamp) {
        assertThat(Srp.cognitoTimestamp(timestamp)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed May 07 00:09:40 UTC 2025", "Thu May 7 00:09:40 UTC 2025",
        "Wed May 7 0:09:40 UTC 2025", "Wed May 7 00:09:40 GMT 2025", "wed May 7 00:09:40 UTC 2025",
        "Wed may 7 00:09:40 UTC 2025", "Fri Feb 29 00:00:00 UTC 2025", "Wed May 7 24:00:00 UTC 2025",
        "Wed May 7 00:09:40 UTC 2025 ", "2025-05-07T00:09:40Z", ""})
    void otherTimestampsAreRefused(String timestamp) {
        assertThat(Srp.cognitoTimestamp(timestamp)).isFalse();
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
