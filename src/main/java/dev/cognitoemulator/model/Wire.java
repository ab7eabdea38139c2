package dev.cognitoemulator.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS JSON 1.1 on the wire, for the generated {@link Codec}: the body must be well-formed UTF-8 holding one JSON
 * object; a value of the wrong JSON type is a {@code SerializationException} in the wording of AWS's Java front end
 * (Coral: {@code STRING_VALUE can not be converted to an Integer}; unconfirmed for Cognito); timestamps are epoch
 * seconds (written with milliseconds, {@code 1.700000000123E9}, as Cognito sends them); blobs are Base64.
 */
public final class Wire {

    static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    /** Documents (free-form JSON) need a tree codec; everything else is streamed. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private Wire() {
    }

    /** The body as the shape {@code reader} reads; an empty (or blank) body is an object without members. */
    public static <T> T decode(byte[] body, Reader<T> reader) {
        Utf8.check(body);
        try (JsonParser p = TREES.getFactory().createParser(body)) {
            if (p.nextToken() == null) {
                try (JsonParser empty = TREES.getFactory().createParser(EMPTY_OBJECT)) {
                    empty.nextToken();
                    return reader.read(empty);
                }
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw mismatch(p, "a Structure");
            }
            T value = reader.read(p);
            if (p.nextToken() != null) {
                throw serialization("Malformed JSON: the body holds more than one JSON value.");
            }
            return value;
        } catch (JsonEOFException e) {
            throw serialization("Malformed JSON: the body ends inside a JSON value.");
        } catch (StreamConstraintsException e) {
            throw serialization("The request body exceeds the limits of a JSON request (nesting depth, length of a "
                    + "number, a name or a string).");
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw serialization(at == null ? "Malformed JSON." : "Malformed JSON at line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ".");
        } catch (IOException e) {
            throw serialization("Malformed JSON.");
        }
    }

    public static <T> byte[] encode(T value, Writer<T> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = TREES.getFactory().createGenerator(out)) {
            writer.write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // --- reading: the parser stands on the value's first token -------------------------------------------

    /** True at the start of an object, false at a JSON null; anything else is the wrong type. */
    static boolean startStructure(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw mismatch(p, "a Structure");
    }

    /** Moves to the next member's value (its name is {@code p.currentName()}); false at the end of the object. */
    static boolean nextMember(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.END_OBJECT) {
            return false;
        }
        p.nextToken();
        return true;
    }

    static String string(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> throw mismatch(p, "a String");
        };
    }

    static Integer integer(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(p, "an Integer");
    }

    static Long longValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw mismatch(p, "a Long");
    }

    static Boolean bool(JsonParser p) {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw mismatch(p, "a Boolean");
        };
    }

    static Instant timestamp(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal seconds = p.getDecimalValue();
                try {
                    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
                    yield Instant.ofEpochSecond(whole.longValueExact(),
                            seconds.subtract(whole).movePointRight(9).intValue());
                } catch (ArithmeticException | DateTimeException e) {
                    throw mismatch(p, "a Date");
                }
            }
            case VALUE_NULL -> null;
            default -> throw mismatch(p, "a Date");
        };
    }

    static byte[] blob(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> {
                try {
                    yield p.getBinaryValue();
                } catch (JsonParseException | IllegalArgumentException e) {
                    throw serialization("Invalid Base64 value.");
                }
            }
            case VALUE_NULL -> null;
            default -> throw mismatch(p, "a ByteBuffer");
        };
    }

    static JsonNode document(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
    }

    /** A list; a JSON null item stays a null item (the constraints report it). */
    static <T> List<T> list(JsonParser p, Reader<T> item) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw mismatch(p, "a List");
        }
        List<T> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(item.read(p));
        }
        return list;
    }

    static <V> Map<String, V> map(JsonParser p, Reader<V> value) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw mismatch(p, "a Map");
        }
        Map<String, V> map = new LinkedHashMap<>();
        while (nextMember(p)) {
            map.put(p.currentName(), value.read(p));
        }
        return map;
    }

    /** Coral's wording for a JSON value of the wrong type. */
    private static CognitoException mismatch(JsonParser p, String expected) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return serialization("Start of structure or map found where not expected.");
        }
        if (t == JsonToken.START_ARRAY) {
            return serialization("Start of list found where not expected.");
        }
        String found = switch (t) {
            case VALUE_STRING -> "STRING_VALUE";
            case VALUE_TRUE -> "TRUE_VALUE";
            case VALUE_FALSE -> "FALSE_VALUE";
            case VALUE_NULL -> "NULL_VALUE";
            default -> "NUMBER_VALUE";
        };
        return serialization(found + " can not be converted to " + expected);
    }

    private static CognitoException serialization(String message) {
        return new CognitoException(ErrorCode.SerializationException, message);
    }

    // --- writing ------------------------------------------------------------------------------------------

    static void writeString(JsonGenerator g, String v) throws IOException {
        g.writeString(v);
    }

    static void writeInteger(JsonGenerator g, Integer v) throws IOException {
        g.writeNumber(v);
    }

    static void writeLong(JsonGenerator g, Long v) throws IOException {
        g.writeNumber(v);
    }

    static void writeBoolean(JsonGenerator g, Boolean v) throws IOException {
        g.writeBoolean(v);
    }

    static void writeTimestamp(JsonGenerator g, Instant v) throws IOException {
        g.writeNumber(v.toEpochMilli() / 1000.0);
    }

    static void writeBlob(JsonGenerator g, byte[] v) throws IOException {
        g.writeBinary(v);
    }

    static void writeDocument(JsonGenerator g, JsonNode v) throws IOException {
        g.writeTree(v);
    }

    static <T> void writeList(JsonGenerator g, List<T> list, Writer<T> item) throws IOException {
        g.writeStartArray();
        for (T value : list) {
            if (value == null) {
                g.writeNull();
            } else {
                item.write(g, value);
            }
        }
        g.writeEndArray();
    }

    static <V> void writeMap(JsonGenerator g, Map<String, V> map, Writer<V> value) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, V> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                value.write(g, e.getValue());
            }
        }
        g.writeEndObject();
    }
}
