package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 key, the ASCII digits "1234567890" twice. */
    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 appendix B, SHA-1: the last six of its eight digits (truncation mod 10^6 of the same number). */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130",
    })
    void rfc6238TestVectors(long unixSeconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(KEY, step)).isEqualTo(eightDigits.substring(2));
        String base32 = new Base32().encodeAsString(KEY).replace("=", "");
        assertThat(Totp.code(base32, step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    }

    @Test
    void secretsAre52Base32CharactersWithoutPadding() {
        String secret = Totp.newSecret(Randomness.seeded(7));
        assertThat(secret).hasSize(52).matches("[A-Z2-7]+");
        assertThat(Totp.code(secret, 1)).matches("[0-9]{6}");
    }

    @Test
    void matchingStepFindsTheCodeWithinTheWindowOnly() {
        String secret = Totp.newSecret(Randomness.seeded(8));
        assertThat(Totp.matchingStep(secret, Totp.code(secret, 100), 100, 1)).isEqualTo(100);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, 99), 100, 1)).isEqualTo(99);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, 101), 100, 1)).isEqualTo(101);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, 98), 100, 1)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, 102), 100, 1)).isEqualTo(-1);
    }
}
