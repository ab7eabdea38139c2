package dev.cognitoemulator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a request breaks of the model's constraints, worded as AWS's front end words it, all reported together as
 * one {@code InvalidParameterException}: {@code 1 validation error detected: Value 'x' at 'userPoolId' failed to
 * satisfy constraint: ...} ({@code reference/cognito-errors.md}, format rule 3). Values of sensitive shapes are not
 * echoed ({@code Value at 'password' ...}). The generated {@link Constraints} call it member by member; paths are
 * only built for what is nested.
 */
public final class Violations {

    private record Violation(String path, String text) {
    }

    private static final ObjectMapper RENDER = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private List<Violation> found;

    /** {@code a} then {@code a.b}: a member's path. */
    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean isEmpty() {
        return found == null;
    }

    /** These violations but those at the paths {@code ignored} accepts (for answers AWS itself gives so). */
    public Violations excluding(Predicate<String> ignored) {
        Violations kept = new Violations();
        if (found != null) {
            found.stream().filter(v -> !ignored.test(v.path())).forEach(kept::add);
        }
        return kept;
    }

    /** These violations but the constraints (length, pattern) of the values at the paths {@code ignored} accepts. */
    public Violations excludingValues(Predicate<String> ignored) {
        return keepIf(v -> !ignored.test(v.path()) || v.text().startsWith("Value null at"));
    }

    private Violations keepIf(Predicate<Violation> kept) {
        Violations out = new Violations();
        if (found != null) {
            found.stream().filter(kept).forEach(out::add);
        }
        return out;
    }

    /** Throws every violation found, sorted by path (amazon-cognito-identity-js#388: 'password' before 'username'). */
    public void throwIfAny() {
        if (found != null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, message());
        }
    }

    public String message() {
        found.sort(Comparator.comparing(Violation::path));
        StringBuilder sb = new StringBuilder();
        sb.append(found.size()).append(found.size() == 1 ? " validation error detected: "
                : " validation errors detected: ");
        for (int i = 0; i < found.size(); i++) {
            sb.append(i > 0 ? "; " : "").append(found.get(i).text());
        }
        return sb.toString();
    }

    /** Booleans, timestamps, blobs and documents: only whether they are there. */
    void present(Object value, String path, String name, boolean required) {
        if (value == null && required) {
            missing(join(path, name));
        }
    }

    void string(String value, String path, String name, boolean required, StringRule rule, boolean sensitive) {
        if (value == null) {
            present(null, path, name, required);
        } else if (rule != null) {
            string(value, join(path, name), rule, sensitive, this);
        }
    }

    /** The constraints of one string, in AWS's order: length, pattern, enum. */
    private static void string(String value, String path, StringRule rule, boolean sensitive, Violations out) {
        boolean hidden = sensitive || rule.sensitive();
        if (rule.min() != null || rule.max() != null) {
            int length = value.codePointCount(0, value.length());
            if (rule.min() != null && length < rule.min()) {
                out.add(path, value, hidden, "Member must have length greater than or equal to " + rule.min());
            }
            if (rule.max() != null && length > rule.max()) {
                out.add(path, value, hidden, "Member must have length less than or equal to " + rule.max());
            }
        }
        if (rule.pattern() != null && !rule.pattern().matches(value)) {
            out.add(path, value, hidden, "Member must satisfy regular expression pattern: " + rule.pattern().regex());
        }
        if (rule.enumValues() != null && !rule.enumValues().contains(value)) {
            out.add(path, value, hidden, enumConstraint(rule));
        }
    }

    void number(Number value, String path, String name, boolean required, Bounds rule) {
        if (value == null) {
            present(null, path, name, required);
            return;
        }
        if (rule == null) {
            return;
        }
        long v = value.longValue();
        if (rule.min() != null && v < rule.min()) {
            add(join(path, name), Long.toString(v), false,
                    "Member must have value greater than or equal to " + rule.min());
        }
        if (rule.max() != null && v > rule.max()) {
            add(join(path, name), Long.toString(v), false,
                    "Member must have value less than or equal to " + rule.max());
        }
    }

    /** A blob: its length in bytes. */
    void blob(byte[] value, String path, String name, boolean required, Bounds length, boolean sensitive) {
        if (value == null) {
            present(null, path, name, required);
        } else {
            length(value.length, value, join(path, name), length, sensitive);
        }
    }

    <T> void structure(T value, String path, String name, boolean required, boolean sensitive, Check<T> check) {
        if (value == null) {
            present(null, path, name, required);
        } else {
            check.check(value, join(path, name), sensitive, this);
        }
    }

    /** A list of structures: its length, then each item at {@code <list>.<i>.member}, counted from 1. */
    <T> void list(List<T> value, String path, String name, boolean required, Bounds length, boolean sensitive,
            Check<T> item) {
        if (value == null) {
            present(null, path, name, required);
            return;
        }
        String at = join(path, name);
        length(value.size(), value, at, length, sensitive);
        for (int i = 0; i < value.size(); i++) {
            T element = value.get(i);
            if (element == null) {
                missing(at + "." + (i + 1) + ".member");
            } else if (item != null) {
                item.check(element, at + "." + (i + 1) + ".member", sensitive, this);
            }
        }
    }

    /**
     * A list of strings. AWS reports bad items once, at the list's path, with every constraint of the item shape
     * (aws/aws-cli#2894: max, min, pattern); a null item at its own path.
     */
    void stringList(List<String> value, String path, String name, boolean required, Bounds length, StringRule item,
            boolean sensitive) {
        if (value == null) {
            present(null, path, name, required);
            return;
        }
        String at = join(path, name);
        length(value.size(), value, at, length, sensitive);
        Violations items = null;
        for (int i = 0; i < value.size(); i++) {
            String element = value.get(i);
            if (element == null) {
                missing(at + "." + (i + 1) + ".member");
            } else if (item != null) {
                items = items == null ? new Violations() : items;
                string(element, at, item, sensitive, items);
            }
        }
        if (items != null && !items.isEmpty()) {
            add(at, value.toString(), sensitive || item.sensitive(),
                    "Member must satisfy constraint: [" + String.join(", ", constraints(item)) + "]");
        }
    }

    /** A map of strings: its size, each key at the map's path, each value at {@code <map>.<key>}. */
    void stringMap(Map<String, String> value, String path, String name, boolean required, Bounds length,
            StringRule key, StringRule valueRule, boolean sensitive) {
        if (value == null) {
            present(null, path, name, required);
            return;
        }
        String at = join(path, name);
        length(value.size(), value, at, length, sensitive);
        for (Map.Entry<String, String> entry : value.entrySet()) {
            if (key != null) {
                string(entry.getKey(), at, key, sensitive, this);
            }
            if (entry.getValue() != null && valueRule != null) {
                string(entry.getValue(), at + "." + entry.getKey(), valueRule, sensitive, this);
            }
        }
    }

    private void length(int size, Object value, String path, Bounds rule, boolean sensitive) {
        if (rule == null) {
            return;
        }
        if (rule.min() != null && size < rule.min()) {
            add(path, render(value), sensitive, "Member must have length greater than or equal to " + rule.min());
        }
        if (rule.max() != null && size > rule.max()) {
            add(path, render(value), sensitive, "Member must have length less than or equal to " + rule.max());
        }
    }

    private void missing(String path) {
        add(new Violation(path, "Value null at '" + path + "' failed to satisfy constraint: Member must not be null"));
    }

    private void add(String path, String value, boolean hidden, String constraint) {
        String shown = hidden ? "Value at '" : "Value '" + value + "' at '";
        add(new Violation(path, shown + path + "' failed to satisfy constraint: " + constraint));
    }

    private void add(Violation violation) {
        if (found == null) {
            found = new ArrayList<>(2);
        }
        found.add(violation);
    }

    private static List<String> constraints(StringRule rule) {
        List<String> all = new ArrayList<>(4);
        if (rule.max() != null) {
            all.add("Member must have length less than or equal to " + rule.max());
        }
        if (rule.min() != null) {
            all.add("Member must have length greater than or equal to " + rule.min());
        }
        if (rule.pattern() != null) {
            all.add("Member must satisfy regular expression pattern: " + rule.pattern().regex());
        }
        if (rule.enumValues() != null) {
            all.add(enumConstraint(rule));
        }
        return all;
    }

    private static String enumConstraint(StringRule rule) {
        return "Member must satisfy enum value set: [" + String.join(", ", rule.enumValues()) + "]";
    }

    /**
     * Lists as {@code [a, b]}, maps and structures as {@code {Name=v, Value=w}}: Java's rendering, as AWS's Java front
     * end shows them, and blobs as the {@code ByteBuffer} it holds them in (captured: "Value
     * 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'image.bytes' failed to satisfy constraint", aws/aws-sdk-js-v3#2310).
     * Only on the error path (structures go through their wire names).
     */
    private static String render(Object value) {
        if (value instanceof byte[] bytes) {
            return "java.nio.HeapByteBuffer[pos=0 lim=" + bytes.length + " cap=" + bytes.length + "]";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(render(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(render(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (value instanceof Record) {
            return render(RENDER.convertValue(value, Map.class));
        }
        return String.valueOf(value);
    }
}
