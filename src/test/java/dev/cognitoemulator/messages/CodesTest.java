package dev.cognitoemulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.domain.Randomness;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Codes: six digits, leading zeros kept (self-service.md section 3: "the 6 digit code", amazon-cognito-identity-js#360;
 * the received 039126, WikiWatershed#636), from the one randomness source; with --fixed-code always that one.
 */
class CodesTest {

    private static List<String> draw(Codes codes, int count) {
        return IntStream.range(0, count).mapToObj(i -> codes.next()).toList();
    }

    @Test
    void sixDigitsEveryDigitInEveryPlace() {
        List<String> codes = draw(new Codes(Randomness.seeded(7), ""), 2000);

        assertThat(codes).allMatch(c -> c.matches("\\d{6}"));
        for (int place = 0; place < 6; place++) {
            Set<Character> digits = new HashSet<>();
            for (String code : codes) {
                digits.add(code.charAt(place));
            }
            assertThat(digits).as("digits in place %d", place).hasSize(10);
        }
        assertThat(new HashSet<>(codes)).hasSizeGreaterThan(1990);
    }

    @Test
    void theSameSeedGivesTheSameCodes() {
        assertThat(draw(new Codes(Randomness.seeded(42), ""), 5))
                .isEqualTo(draw(new Codes(Randomness.seeded(42), ""), 5));
    }

    @Test
    void aFixedCodeIsEveryCode() {
        assertThat(draw(new Codes(Randomness.seeded(1), "424242"), 3)).containsExactly("424242", "424242", "424242");
    }
}
