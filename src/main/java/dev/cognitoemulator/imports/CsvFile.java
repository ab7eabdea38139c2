package dev.cognitoemulator.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A user import file as Cognito reads it (documented, "Formatting the CSV file"): UTF-8, the header on the first
 * line, one user a line; fields are separated by commas, a comma inside a value is written {@code \,}; leading and
 * trailing white space of a value is trimmed; there are no quoted values. Blank lines are passed over.
 */
record CsvFile(List<String> header, List<Line> lines) {

    /** A user's line: its number in the file (the header is line 1) and its fields. */
    record Line(int number, List<String> fields) {
    }

    CsvFile {
        header = List.copyOf(header);
        lines = List.copyOf(lines);
    }

    /** The file's lines; null when it is not UTF-8 or has no header. */
    static CsvFile parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        String[] rows = text.split("\r?\n", -1);
        if (rows.length == 0 || rows[0].isBlank()) {
            return null;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            if (!rows[i].isBlank()) {
                lines.add(new Line(i + 1, fields(rows[i])));
            }
        }
        return new CsvFile(fields(rows[0]), lines);
    }

    /** The line's fields, split at commas not escaped by a backslash, each trimmed. */
    static List<String> fields(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == ',') {
                field.append(',');
                i++;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
