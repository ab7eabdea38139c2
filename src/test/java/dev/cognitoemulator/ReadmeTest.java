package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.config.EmulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md stays true: its supported-operations table and configuration table match the code. */
class ReadmeTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void supportedOperationsTableListsExactlyTheImplementedOperations() throws IOException {
        String readme = readme();
        String table = readme.substring(readme.indexOf("<!-- supported-operations -->"),
                readme.indexOf("<!-- /supported-operations -->"));
        Set<String> listed = new TreeSet<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = Pattern.compile("`([A-Za-z]+)`").matcher(line.substring(0, line.indexOf(" |", 2)));
                while (m.find()) {
                    listed.add(m.group(1));
                }
            }
        }
        try (CognitoEmulator emulator = CognitoEmulator.builder().port(0).build()) {
            assertThat(listed).isEqualTo(emulator.supportedOperations());
        }
    }

    @Test
    void configurationTableHasEverySettingWithItsDefault() throws IOException {
        String readme = readme();
        for (EmulatorConfig.Setting s : EmulatorConfig.Setting.values()) {
            assertThat(readme).contains("`" + s.flag() + "`").contains("`" + s.env() + "`");
            if (!s.defaultValue().isEmpty()) {
                assertThat(readme).contains("`" + s.defaultValue() + "`");
            }
        }
    }
}
