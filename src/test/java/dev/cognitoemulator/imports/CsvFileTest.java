package dev.cognitoemulator.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import file as Cognito documents it: {@code \,} for a comma in a value, values trimmed, UTF-8, a header. */
class CsvFileTest {

    private static CsvFile parse(String text) {
        return CsvFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsSplitAtUnescapedCommasAndAreTrimmed() {
        assertThat(CsvFile.fields(" a , b\\, c ,,d\\")).containsExactly("a", "b, c", "", "d\\");
        assertThat(CsvFile.fields("")).containsExactly("");
    }

    @Test
    void theHeaderIsTheFirstLineAndBlankLinesArePassedOver() {
        CsvFile file = parse("cognito:username,email\r\nalice,a@example.com\r\n\r\nbob,b@example.com\n");
        assertThat(file.header()).containsExactly("cognito:username", "email");
        assertThat(file.lines()).containsExactly(new CsvFile.Line(2, List.of("alice", "a@example.com")),
                new CsvFile.Line(4, List.of("bob", "b@example.com")));
    }

    @Test
    void aFileWithoutHeaderOrNotUtf8IsNone() {
        assertThat(parse("")).isNull();
        assertThat(parse("\nalice")).isNull();
        assertThat(CsvFile.parse(new byte[] {'a', ',', (byte) 0xC3, '\n'})).isNull();
    }
}
