package dev.cognitoemulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a request body against its input shape the way AWS's front end does: JSON types first
 * ({@code SerializationException}), then every constraint of the model, all violations reported together
 * as one {@code InvalidParameterException}:
 * {@code 1 validation error detected: Value 'x' at 'userPoolId' failed to satisfy constraint: ...}.
 * Values of sensitive shapes are not echoed ({@code Value at 'password' ...}). Unknown members are ignored.
 */
public final class InputValidator {

    private record Violation(String path, String text) {
    }

    private InputValidator() {
    }

    public static void validate(Shape.Structure shape, JsonNode body) {
        List<Violation> violations = new ArrayList<>(0);
        structure(shape, body, "", false, violations);
        if (!violations.isEmpty()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, message(violations));
        }
    }

    private static String message(List<Violation> violations) {
        // AWS lists violations ordered by path (amazon-cognito-identity-js#388: 'password' before 'username'),
        // the constraints of one member in the order length, pattern, enum.
        violations.sort(Comparator.comparing(Violation::path));
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(violations.size() == 1 ? " validation error detected: "
                : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(violations.get(i).text());
        }
        return sb.toString();
    }

    private static void check(Shape shape, JsonNode node, String path, boolean sensitive, List<Violation> out) {
        if (shape instanceof Shape.Structure s) {
            structure(s, node, path, sensitive, out);
        } else if (shape instanceof Shape.StringShape s) {
            string(s, node, path, sensitive, out);
        } else if (shape instanceof Shape.ListShape s) {
            list(s, node, path, sensitive, out);
        } else if (shape instanceof Shape.MapShape s) {
            map(s, node, path, sensitive, out);
        } else if (shape instanceof Shape.NumberShape s) {
            number(s, node, path, out);
        } else if (shape instanceof Shape.BooleanShape) {
            if (!node.isBoolean()) {
                throw typeMismatch(node, "a Boolean");
            }
        } else if (shape instanceof Shape.TimestampShape) {
            if (!node.isNumber()) {
                throw typeMismatch(node, "a Date");
            }
        } else if (shape instanceof Shape.BlobShape) {
            if (!node.isTextual()) {
                throw typeMismatch(node, "a ByteBuffer");
            }
        }
        // DocumentShape: any JSON value.
    }

    private static void structure(Shape.Structure shape, JsonNode node, String path, boolean sensitive,
            List<Violation> out) {
        if (!node.isObject()) {
            throw typeMismatch(node, "a Structure");
        }
        boolean hidden = sensitive || shape.sensitive();
        for (Shape.Member member : shape.members()) {
            JsonNode value = node.get(member.name());
            String memberPath = path.isEmpty() ? member.pathName() : path + "." + member.pathName();
            if (value == null || value.isNull()) {
                if (member.required()) {
                    out.add(new Violation(memberPath, "Value null at '" + memberPath
                            + "' failed to satisfy constraint: Member must not be null"));
                }
                continue;
            }
            check(member.shape(), value, memberPath, hidden, out);
        }
    }

    private static void string(Shape.StringShape shape, JsonNode node, String path, boolean sensitive,
            List<Violation> out) {
        if (!node.isTextual()) {
            throw typeMismatch(node, "a String");
        }
        String value = node.textValue();
        boolean hidden = sensitive || shape.sensitive();
        int length = value.codePointCount(0, value.length());
        if (shape.min() != null && length < shape.min()) {
            out.add(violation(value, path, hidden, "Member must have length greater than or equal to " + shape.min()));
        }
        if (shape.max() != null && length > shape.max()) {
            out.add(violation(value, path, hidden, "Member must have length less than or equal to " + shape.max()));
        }
        if (shape.pattern() != null && !shape.pattern().matches(value)) {
            out.add(violation(value, path, hidden,
                    "Member must satisfy regular expression pattern: " + shape.pattern().regex()));
        }
        if (shape.enumValues() != null && !shape.enumValues().contains(value)) {
            out.add(violation(value, path, hidden, enumConstraint(shape)));
        }
    }

    private static void list(Shape.ListShape shape, JsonNode node, String path, boolean sensitive,
            List<Violation> out) {
        if (!node.isArray()) {
            throw typeMismatch(node, "a List");
        }
        lengthChecks(shape.min(), shape.max(), node.size(), node, path, sensitive, out);
        boolean ofStrings = shape.member() instanceof Shape.StringShape;
        List<Violation> itemViolations = ofStrings ? new ArrayList<>(0) : out;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "." + (i + 1) + ".member";
            if (item.isNull()) {
                out.add(new Violation(itemPath, "Value null at '" + itemPath
                        + "' failed to satisfy constraint: Member must not be null"));
                continue;
            }
            check(shape.member(), item, itemPath, sensitive, itemViolations);
        }
        if (ofStrings && !itemViolations.isEmpty()) {
            // AWS reports a list of strings once, at the list's path, with every constraint of its member
            // (aws/aws-cli#2894: max, min, pattern).
            Shape.StringShape member = (Shape.StringShape) shape.member();
            out.add(violation(render(node), path, sensitive || member.sensitive(),
                    "Member must satisfy constraint: [" + String.join(", ", constraints(member)) + "]"));
        }
    }

    private static List<String> constraints(Shape.StringShape shape) {
        List<String> all = new ArrayList<>(4);
        if (shape.max() != null) {
            all.add("Member must have length less than or equal to " + shape.max());
        }
        if (shape.min() != null) {
            all.add("Member must have length greater than or equal to " + shape.min());
        }
        if (shape.pattern() != null) {
            all.add("Member must satisfy regular expression pattern: " + shape.pattern().regex());
        }
        if (shape.enumValues() != null) {
            all.add(enumConstraint(shape));
        }
        return all;
    }

    private static String enumConstraint(Shape.StringShape shape) {
        return "Member must satisfy enum value set: [" + String.join(", ", shape.enumValues()) + "]";
    }

    private static void map(Shape.MapShape shape, JsonNode node, String path, boolean sensitive,
            List<Violation> out) {
        if (!node.isObject()) {
            throw typeMismatch(node, "a Map");
        }
        boolean hidden = sensitive || shape.sensitive();
        lengthChecks(shape.min(), shape.max(), node.size(), node, path, hidden, out);
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String entryPath = path + "." + entry.getKey();
            string(shape.key(), TextNode.valueOf(entry.getKey()),
                    path, hidden, out);
            if (!entry.getValue().isNull()) {
                check(shape.value(), entry.getValue(), entryPath, hidden, out);
            }
        }
    }

    private static void number(Shape.NumberShape shape, JsonNode node, String path, List<Violation> out) {
        if (!node.isIntegralNumber() || (shape.integer() && !node.canConvertToInt())
                || (!shape.integer() && !node.canConvertToLong())) {
            throw typeMismatch(node, shape.integer() ? "an Integer" : "a Long");
        }
        long value = node.longValue();
        if (shape.min() != null && value < shape.min()) {
            out.add(violation(Long.toString(value), path, false,
                    "Member must have value greater than or equal to " + shape.min()));
        }
        if (shape.max() != null && value > shape.max()) {
            out.add(violation(Long.toString(value), path, false,
                    "Member must have value less than or equal to " + shape.max()));
        }
    }

    private static void lengthChecks(Long min, Long max, int size, JsonNode node, String path, boolean sensitive,
            List<Violation> out) {
        if (min != null && size < min) {
            out.add(violation(render(node), path, sensitive, "Member must have length greater than or equal to " + min));
        }
        if (max != null && size > max) {
            out.add(violation(render(node), path, sensitive, "Member must have length less than or equal to " + max));
        }
    }

    private static Violation violation(String value, String path, boolean sensitive, String constraint) {
        String shown = sensitive ? "Value at '" : "Value '" + value + "' at '";
        return new Violation(path, shown + path + "' failed to satisfy constraint: " + constraint);
    }

    /** Lists as {@code [a, b]}, maps as {@code {k=v}}: Java's rendering, as AWS's Java front end shows them. */
    private static String render(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        StringBuilder sb = new StringBuilder();
        if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(render(node.get(i)));
            }
            return sb.append(']').toString();
        }
        if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(render(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return node.asText();
    }

    /** Coral's wording for a JSON value of the wrong type (not captured from Cognito: unconfirmed). */
    private static CognitoException typeMismatch(JsonNode node, String expected) {
        String found;
        if (node.isObject()) {
            return new CognitoException(ErrorCode.SerializationException,
                    "Start of structure or map found where not expected.");
        } else if (node.isArray()) {
            return new CognitoException(ErrorCode.SerializationException, "Start of list found where not expected.");
        } else if (node.isTextual()) {
            found = "STRING_VALUE";
        } else if (node.isBoolean()) {
            found = node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        } else {
            found = "NUMBER_VALUE";
        }
        return new CognitoException(ErrorCode.SerializationException, found + " can not be converted to " + expected);
    }
}
