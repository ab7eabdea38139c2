package dev.cognitoemulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ValuePatternTest {

    @Test
    void theAsciiShortcutAgreesWithTheRegexForEveryPatternOfTheModel() throws IOException {
        Set<String> regexes = new TreeSet<>();
        try (InputStream in = Files.newInputStream(Path.of("src/main/model/cognito-idp-2016-04-18.json"))) {
            new ObjectMapper().readTree(in).get("shapes").forEach(shape -> {
                JsonNode pattern = shape.get("pattern");
                if (pattern != null) {
                    regexes.add(pattern.asText());
                }
            });
        }
        assertThat(regexes).hasSizeGreaterThan(20);
        Random random = new Random(42);
        int shortcuts = 0;
        for (String regex : regexes) {
            ValuePattern pattern = ValuePattern.of(regex);
            shortcuts += pattern.acceptsPrintableAscii() ? 1 : 0;
            for (int i = 0; i < 500; i++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(12);
                for (int j = 0; j < length; j++) {
                    // Mostly printable ASCII, now and then a space, a tab or a non-ASCII letter.
                    int pick = random.nextInt(40);
                    value.append(pick == 0 ? ' ' : pick == 1 ? '\t' : pick == 2 ? 'é'
                            : (char) ('!' + random.nextInt(94)));
                }
                String v = value.toString();
                assertThat(pattern.matches(v)).as("%s against %s", v, regex)
                        .isEqualTo(pattern.compiled().matcher(v).matches());
            }
        }
        // The username, attribute name and pagination token patterns, at least, take the shortcut.
        assertThat(shortcuts).isGreaterThanOrEqualTo(4);
        assertThat(ValuePattern.of("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+").acceptsPrintableAscii()).isTrue();
        assertThat(ValuePattern.of("[\\w-]+_[0-9a-zA-Z]+").acceptsPrintableAscii()).isFalse();
        assertThat(ValuePattern.of("[\\w+]+").acceptsPrintableAscii()).isFalse();
    }

    @Test
    void aValueAcceptedBeforeIsAcceptedAgainAndOthersStillMeetTheRegex() {
        ValuePattern poolId = ValuePattern.of("[\\w-]+_[0-9a-zA-Z]+");

        assertThat(poolId.matches("us-east-1_AbC123")).isTrue();
        assertThat(poolId.matches("us-east-1_AbC123")).isTrue();
        assertThat(poolId.matches("us-east-1_AbC-123")).isFalse();
        assertThat(poolId.matches("us-east-1_AbC-123")).as("a refusal is not remembered as a match").isFalse();
        assertThat(poolId.matches("us-east-1")).isFalse();
        assertThat(poolId.matches("us-east-1_AbC123")).isTrue();
    }
}
