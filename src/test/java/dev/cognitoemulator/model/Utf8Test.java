package dev.cognitoemulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Well-formed UTF-8 only (RFC 3629), agreeing with the JDK's strict decoder on every input. */
class Utf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "C080", "E08080", "EDA080", "F4908080", "F8888080", "80", "BF", "C2", "E282",
        "F09F98", "FF", "FE"})
    void refusesMalformedSequences(String hex) {
        CognitoException e = catchThrowableOfType(CognitoException.class,
                () -> Utf8.check(bytes("61" + hex + "62")));

        assertThat(e.code()).isEqualTo(ErrorCode.SerializationException);
        assertThat(e.getMessage()).isEqualTo("The request body is not well-formed UTF-8 (at byte 1).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7B7D", "C3A9", "E282AC", "F09F9880", "F48FBFBF", "EFBFBF", "ED9FBF"})
    void acceptsWellFormedText(String hex) {
        assertThatCode(() -> Utf8.check(bytes(hex))).doesNotThrowAnyException();
    }

    @Test
    void refusesANulByte() {
        CognitoException e = catchThrowableOfType(CognitoException.class, () -> Utf8.check(bytes("7B007D")));

        assertThat(e.getMessage()).isEqualTo("Malformed JSON: the body holds a NUL byte.");
    }

    @Test
    void agreesWithTheJdksStrictDecoder() {
        Random random = new Random(3629);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(8)];
            for (int j = 0; j < input.length; j++) {
                // Mostly bytes around the multi-byte ranges, so that every branch is taken.
                input[j] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : 1 + random.nextInt(0xff));
            }
            boolean jdk = decodes(input);
            boolean ours;
            try {
                Utf8.check(input);
                ours = true;
            } catch (CognitoException e) {
                ours = false;
            }
            boolean hasNul = false;
            for (byte b : input) {
                hasNul |= b == 0;
            }
            assertThat(ours).as("%s", java.util.HexFormat.of().formatHex(input)).isEqualTo(jdk && !hasNul);
        }
    }

    private static boolean decodes(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
