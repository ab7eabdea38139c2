import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the wire model of the emulator from the cognito-idp service model, in the build (generate-sources):
 * a record for every structure, a class of constants for every enum, the codec that reads and writes them
 * (Jackson's streaming API, no reflection), their constraints, and the table of operations.
 *
 * <p>{@code java -cp <jackson> src/build/ModelGenerator.java MODEL OUTPUT_DIR}. A file is only rewritten when its
 * text changes, so an unchanged model recompiles nothing.
 */
public final class ModelGenerator {

    private static final String PACKAGE = "dev.cognitoemulator.model";
    private static final String HEADER = "// Generated from the cognito-idp service model by src/build/ModelGenerator.java; do not edit.\n";

    private final JsonNode shapes;
    private final JsonNode operations;
    private final String targetPrefix;
    private final Path out;
    private final Set<String> written = new HashSet<>();
    private final Map<String, Boolean> needsCheck = new HashMap<>();

    private ModelGenerator(JsonNode model, Path out) {
        this.shapes = model.get("shapes");
        this.operations = model.get("operations");
        this.targetPrefix = model.get("metadata").get("targetPrefix").asText();
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        JsonNode model = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path out = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(out);
        new ModelGenerator(model, out).generate();
    }

    private void generate() throws IOException {
        List<String> structures = new ArrayList<>();
        List<String> enums = new ArrayList<>();
        for (Iterator<String> it = shapes.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode s = shapes.get(name);
            if (isRecord(s)) {
                structures.add(name);
            } else if ("string".equals(type(s)) && s.has("enum")) {
                enums.add(name);
            }
        }
        structures.sort(null);
        enums.sort(null);
        for (String name : structures) {
            write(name, record(name));
        }
        for (String name : enums) {
            write(name, enumConstants(name));
        }
        write("PoolScoped", HEADER + "package " + PACKAGE + ";\n\n"
                + "/** A structure with a {@code UserPoolId} string member: a request about one user pool. */\n"
                + "public interface PoolScoped {\n\n    String userPoolId();\n}\n");
        write("Codec", codec(structures));
        write("Constraints", constraints(structures));
        write("ServiceOperations", serviceOperations());
        write("OperationCodecs", operationCodecs());
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                String base = file.getFileName().toString().replace(".java", "");
                if (!written.contains(base)) {
                    Files.delete(file);
                }
            }
        }
    }

    // --- records ------------------------------------------------------------------------------------------

    private String record(String name) {
        JsonNode s = shapes.get(name);
        List<String> members = memberNames(s);
        StringBuilder sb = new StringBuilder(HEADER).append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import com.fasterxml.jackson.annotation.JsonProperty;\n\n");
        sb.append("/** The model's {@code ").append(name).append("}").append(required(s).isEmpty() ? ""
                : "; required: " + String.join(", ", required(s))).append(". */\n");
        sb.append("public record ").append(name).append("(");
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            sb.append(i == 0 ? "\n        " : ",\n        ").append("@JsonProperty(\"").append(m).append("\") ")
                    .append(javaType(memberShape(s, m))).append(' ').append(javaName(m));
        }
        boolean poolScoped = members.contains("UserPoolId") && "string".equals(type(shapes.get(memberShape(s,
                "UserPoolId"))));
        sb.append(poolScoped ? ") implements PoolScoped {\n" : ") {\n");
        if (!members.isEmpty()) {
            sb.append("\n    public static Builder builder() {\n        return new Builder();\n    }\n\n");
            sb.append("    public Builder toBuilder() {\n        Builder b = new Builder();\n");
            for (String m : members) {
                sb.append("        b.").append(javaName(m)).append(" = ").append(javaName(m)).append(";\n");
            }
            sb.append("        return b;\n    }\n\n");
            sb.append("    public static final class Builder {\n");
            for (String m : members) {
                sb.append("        private ").append(javaType(memberShape(s, m))).append(' ').append(javaName(m))
                        .append(";\n");
            }
            sb.append("\n        private Builder() {\n        }\n");
            for (String m : members) {
                String j = javaName(m);
                sb.append("\n        public Builder ").append(j).append('(').append(javaType(memberShape(s, m)))
                        .append(" value) {\n            this.").append(j).append(" = value;\n")
                        .append("            return this;\n        }\n");
            }
            sb.append("\n        public ").append(name).append(" build() {\n            return new ").append(name)
                    .append('(').append(String.join(", ", members.stream().map(ModelGenerator::javaName).toList()))
                    .append(");\n        }\n    }\n");
        }
        return sb.append("}\n").toString();
    }

    private String enumConstants(String name) {
        JsonNode s = shapes.get(name);
        List<String> values = new ArrayList<>();
        s.get("enum").forEach(v -> values.add(v.asText()));
        Set<String> upper = new HashSet<>();
        boolean clash = values.stream().anyMatch(v -> !upper.add(v.toUpperCase(Locale.ROOT)));
        StringBuilder sb = new StringBuilder(HEADER).append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import java.util.List;\n\n");
        sb.append("/** The values of the model's enum {@code ").append(name).append("}, in the model's order. */\n");
        sb.append("public final class ").append(name).append(" {\n\n");
        for (String v : values) {
            sb.append("    public static final String ").append(clash ? v : v.toUpperCase(Locale.ROOT))
                    .append(" = \"").append(v).append("\";\n");
        }
        sb.append("\n    public static final List<String> VALUES = List.of(").append(String.join(", ",
                values.stream().map(v -> '"' + v + '"').toList())).append(");\n\n");
        sb.append("    private ").append(name).append("() {\n    }\n}\n");
        return sb.toString();
    }

    // --- codec --------------------------------------------------------------------------------------------

    private String codec(List<String> structures) {
        Set<String> fieldNames = new java.util.TreeSet<>();
        StringBuilder body = new StringBuilder();
        for (String name : structures) {
            JsonNode s = shapes.get(name);
            List<String> members = memberNames(s);
            body.append("\n    public static ").append(name).append(" read").append(name)
                    .append("(JsonParser p) throws IOException {\n");
            body.append("        if (!Wire.startStructure(p)) {\n            return null;\n        }\n");
            for (String m : members) {
                body.append("        ").append(javaType(memberShape(s, m))).append(' ').append(local(m))
                        .append(" = null;\n");
            }
            body.append("        while (Wire.nextMember(p)) {\n");
            if (members.isEmpty()) {
                body.append("            p.skipChildren();\n");
            } else {
                body.append("            switch (p.currentName()) {\n");
                for (String m : members) {
                    body.append("                case \"").append(m).append("\" -> ").append(local(m)).append(" = ")
                            .append(readExpression(memberShape(s, m))).append(";\n");
                }
                body.append("                default -> p.skipChildren();\n            }\n");
            }
            body.append("        }\n        return new ").append(name).append('(')
                    .append(String.join(", ", members.stream().map(ModelGenerator::local).toList()))
                    .append(");\n    }\n");

            body.append("\n    public static void write").append(name).append("(JsonGenerator g, ").append(name)
                    .append(" v) throws IOException {\n        g.writeStartObject();\n");
            for (String m : members) {
                fieldNames.add(m);
                String get = "v." + javaName(m) + "()";
                body.append("        if (").append(get).append(" != null) {\n            g.writeFieldName(F_")
                        .append(m).append(");\n            ").append(writeStatement(memberShape(s, m), get))
                        .append("\n        }\n");
            }
            body.append("        g.writeEndObject();\n    }\n");
        }
        StringBuilder sb = new StringBuilder(HEADER).append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import com.fasterxml.jackson.core.JsonGenerator;\n");
        sb.append("import com.fasterxml.jackson.core.JsonParser;\n");
        sb.append("import com.fasterxml.jackson.core.io.SerializedString;\n");
        sb.append("import java.io.IOException;\n\n");
        sb.append("/**\n * Reads and writes every structure of the model as AWS JSON 1.1, member by member: a JSON value of the\n"
                + " * wrong type is a {@code SerializationException} (see {@link Wire}), unknown members are skipped, JSON nulls\n"
                + " * read as absent, absent members are not written.\n */\n");
        sb.append("public final class Codec {\n\n");
        for (String f : fieldNames) {
            sb.append("    private static final SerializedString F_").append(f).append(" = new SerializedString(\"")
                    .append(f).append("\");\n");
        }
        sb.append("\n    private Codec() {\n    }\n");
        sb.append(body);
        return sb.append("}\n").toString();
    }

    private String readExpression(String shapeName) {
        JsonNode s = shapes.get(shapeName);
        return switch (kind(s)) {
            case "list" -> "Wire.list(p, " + readerRef(s.get("member").get("shape").asText()) + ")";
            case "map" -> "Wire.map(p, " + readerRef(s.get("value").get("shape").asText()) + ")";
            default -> readerRef(shapeName).replace("::", ".") + "(p)";
        };
    }

    private String readerRef(String shapeName) {
        JsonNode s = shapes.get(shapeName);
        return switch (kind(s)) {
            case "string" -> "Wire::string";
            case "integer" -> "Wire::integer";
            case "long" -> "Wire::longValue";
            case "boolean" -> "Wire::bool";
            case "timestamp" -> "Wire::timestamp";
            case "blob" -> "Wire::blob";
            case "document" -> "Wire::document";
            case "structure" -> "Codec::read" + shapeName;
            default -> throw new IllegalStateException("no reader for a nested " + kind(s) + " (" + shapeName + ")");
        };
    }

    private String writeStatement(String shapeName, String value) {
        JsonNode s = shapes.get(shapeName);
        return switch (kind(s)) {
            case "list" -> "Wire.writeList(g, " + value + ", " + writerRef(s.get("member").get("shape").asText()) + ");";
            case "map" -> "Wire.writeMap(g, " + value + ", " + writerRef(s.get("value").get("shape").asText()) + ");";
            default -> writerRef(shapeName).replace("::", ".") + "(g, " + value + ");";
        };
    }

    private String writerRef(String shapeName) {
        JsonNode s = shapes.get(shapeName);
        return switch (kind(s)) {
            case "string" -> "Wire::writeString";
            case "integer" -> "Wire::writeInteger";
            case "long" -> "Wire::writeLong";
            case "boolean" -> "Wire::writeBoolean";
            case "timestamp" -> "Wire::writeTimestamp";
            case "blob" -> "Wire::writeBlob";
            case "document" -> "Wire::writeDocument";
            case "structure" -> "Codec::write" + shapeName;
            default -> throw new IllegalStateException("no writer for a nested " + kind(s) + " (" + shapeName + ")");
        };
    }

    // --- constraints --------------------------------------------------------------------------------------

    private String constraints(List<String> structures) {
        Map<String, String> rules = new TreeMap<>();
        StringBuilder body = new StringBuilder();
        for (String name : structures) {
            JsonNode s = shapes.get(name);
            Set<String> required = new HashSet<>(required(s));
            body.append("\n    public static void check").append(name).append('(').append(name)
                    .append(" v, String path, boolean sensitive, Violations out) {\n");
            if (s.path("sensitive").asBoolean()) {
                body.append("        boolean s = true;\n");
            } else {
                body.append("        boolean s = sensitive;\n");
            }
            for (String m : memberNames(s)) {
                String shapeName = memberShape(s, m);
                JsonNode ms = shapes.get(shapeName);
                boolean req = required.contains(m);
                String get = "v." + javaName(m) + "()";
                String head = get + ", path, \"" + pathName(m) + "\", " + req;
                switch (kind(ms)) {
                    case "string" -> {
                        String rule = stringRule(shapeName, rules);
                        if (req || rule != null) {
                            body.append("        out.string(").append(head).append(", ").append(rule)
                                    .append(", s);\n");
                        }
                    }
                    case "blob" -> {
                        String length = lengthRule(shapeName, rules);
                        if (req || !"null".equals(length)) {
                            body.append("        out.blob(").append(head).append(", ").append(length)
                                    .append(", s);\n");
                        }
                    }
                    case "integer", "long" -> {
                        String rule = rangeRule(shapeName, rules);
                        if (req || rule != null) {
                            body.append("        out.number(").append(head).append(", ").append(rule).append(");\n");
                        }
                    }
                    case "structure" -> {
                        if (req || needsCheck(shapeName)) {
                            body.append("        out.structure(").append(head).append(", s, Constraints::check")
                                    .append(shapeName).append(");\n");
                        }
                    }
                    case "list" -> {
                        String item = ms.get("member").get("shape").asText();
                        JsonNode is = shapes.get(item);
                        String length = lengthRule(shapeName, rules);
                        if ("string".equals(kind(is))) {
                            body.append("        out.stringList(").append(head).append(", ").append(length)
                                    .append(", ").append(stringRule(item, rules)).append(", s);\n");
                        } else if ("structure".equals(kind(is))) {
                            body.append("        out.list(").append(head).append(", ").append(length)
                                    .append(", s, ").append(needsCheck(item) ? "Constraints::check" + item : "null")
                                    .append(");\n");
                        } else {
                            throw new IllegalStateException("list of " + kind(is) + " in " + name + "." + m);
                        }
                    }
                    case "map" -> {
                        String key = ms.get("key").get("shape").asText();
                        String value = ms.get("value").get("shape").asText();
                        if (!"string".equals(kind(shapes.get(value)))) {
                            throw new IllegalStateException("map of " + kind(shapes.get(value)) + " in " + name);
                        }
                        body.append("        out.stringMap(").append(head).append(", ")
                                .append(lengthRule(shapeName, rules)).append(", ").append(stringRule(key, rules))
                                .append(", ").append(stringRule(value, rules)).append(", ")
                                .append(ms.path("sensitive").asBoolean() ? "true" : "s").append(");\n");
                    }
                    default -> {
                        if (req) {
                            body.append("        out.present(").append(head).append(");\n");
                        }
                    }
                }
            }
            body.append("    }\n");
        }
        StringBuilder sb = new StringBuilder(HEADER).append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import java.util.List;\n\n");
        sb.append("/**\n * The model's constraints on every structure: required members, lengths, patterns, enums and ranges,\n"
                + " * checked recursively; {@link Violations} words them as AWS does. Rules are named after their shapes.\n */\n");
        sb.append("public final class Constraints {\n\n");
        rules.forEach((rule, init) -> sb.append("    static final ").append(init.substring(0, init.indexOf(' ')))
                .append(' ').append(rule).append(" = ").append(init.substring(init.indexOf(' ') + 1)).append(";\n"));
        sb.append("\n    private Constraints() {\n    }\n");
        sb.append(body);
        return sb.append("}\n").toString();
    }

    /** The rule constant of a string shape, or null when the shape constrains nothing. */
    private String stringRule(String shapeName, Map<String, String> rules) {
        JsonNode s = shapes.get(shapeName);
        boolean sensitive = s.path("sensitive").asBoolean();
        if (!s.has("min") && !s.has("max") && !s.has("pattern") && !s.has("enum") && !sensitive) {
            return null;
        }
        String enumValues = "null";
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").forEach(v -> values.add('"' + v.asText() + '"'));
            enumValues = "List.of(" + String.join(", ", values) + ")";
        }
        String rule = "S_" + shapeName;
        rules.put(rule, "StringRule new StringRule(" + bound(s, "min") + ", " + bound(s, "max") + ", "
                + (s.has("pattern") ? "ValuePattern.of(" + javaString(s.get("pattern").asText()) + ")" : "null")
                + ", " + enumValues + ", " + sensitive + ")");
        return rule;
    }

    private String rangeRule(String shapeName, Map<String, String> rules) {
        JsonNode s = shapes.get(shapeName);
        if (!s.has("min") && !s.has("max")) {
            return null;
        }
        String rule = "N_" + shapeName;
        rules.put(rule, "Bounds new Bounds(" + bound(s, "min") + ", " + bound(s, "max") + ")");
        return rule;
    }

    private String lengthRule(String shapeName, Map<String, String> rules) {
        JsonNode s = shapes.get(shapeName);
        if (!s.has("min") && !s.has("max")) {
            return "null";
        }
        String rule = "L_" + shapeName;
        rules.put(rule, "Bounds new Bounds(" + bound(s, "min") + ", " + bound(s, "max") + ")");
        return rule;
    }

    /** Whether a structure constrains anything, itself or in what it holds. */
    private boolean needsCheck(String name) {
        Boolean known = needsCheck.get(name);
        if (known != null) {
            return known;
        }
        needsCheck.put(name, true); // a structure that holds itself is checked
        JsonNode s = shapes.get(name);
        boolean needs = !required(s).isEmpty();
        for (String m : memberNames(s)) {
            JsonNode ms = shapes.get(memberShape(s, m));
            needs |= switch (kind(ms)) {
                case "string" -> ms.has("min") || ms.has("max") || ms.has("pattern") || ms.has("enum");
                case "integer", "long", "blob" -> ms.has("min") || ms.has("max");
                case "structure" -> needsCheck(memberShape(s, m));
                case "list", "map" -> true;
                default -> false;
            };
        }
        needsCheck.put(name, needs);
        return needs;
    }

    private static String bound(JsonNode s, String field) {
        return s.has(field) ? s.get(field).asLong() + "L" : "null";
    }

    // --- operations ---------------------------------------------------------------------------------------

    private List<String> operationNames() {
        List<String> names = new ArrayList<>();
        operations.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private String serviceOperations() {
        List<String> names = operationNames();
        StringBuilder sb = new StringBuilder(HEADER).append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import java.util.List;\nimport java.util.Set;\n\n");
        sb.append("/** Every operation of the model: its name, whether it is signed, its shapes, its errors. */\n");
        sb.append("public final class ServiceOperations {\n\n");
        sb.append("    /** The part of {@code X-Amz-Target} before the dot. */\n");
        sb.append("    public static final String TARGET_PREFIX = \"").append(targetPrefix).append("\";\n\n");
        sb.append("    public static final List<OperationSpec<?, ?>> ALL = List.of(");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            JsonNode op = operations.get(name);
            String output = op.has("output") ? op.get("output").get("shape").asText() : null;
            boolean signed = !"none".equals(op.path("authtype").asText());
            Set<String> errors = new LinkedHashSet<>();
            op.path("errors").forEach(e -> errors.add('"' + e.get("shape").asText() + '"'));
            sb.append(i == 0 ? "\n" : ",\n").append("            new OperationSpec<>(").append(i).append(", \"")
                    .append(name).append("\", ").append(signed).append(", ")
                    .append(op.get("input").get("shape").asText()).append(".class, ")
                    .append(output == null ? "Void" : output).append(".class,\n                    Set.of(")
                    .append(String.join(", ", errors)).append("))");
        }
        sb.append(");\n\n    private ServiceOperations() {\n    }\n}\n");
        return sb.toString();
    }

    /**
     * The codecs and checks of each operation's shapes, chosen by the operation's index in a switch: method
     * references would make a class each when {@link #serviceOperations} loads (some 600, most of start-up).
     */
    private String operationCodecs() {
        List<String> names = operationNames();
        StringBuilder sb = new StringBuilder(HEADER).append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import com.fasterxml.jackson.core.JsonGenerator;\nimport com.fasterxml.jackson.core.JsonParser;\n");
        sb.append("import java.io.IOException;\n\n");
        sb.append("/** Each operation's codecs and checks by its index in {@link ServiceOperations#ALL}. */\n");
        sb.append("final class OperationCodecs {\n\n    private OperationCodecs() {\n    }\n");
        String[][] methods = {
            {"Object readInput(int op, JsonParser p) throws IOException", "input", "return Codec.read%s(p);"},
            {"void checkInput(int op, Object v, String path, boolean sensitive, Violations out)", "input",
                "Constraints.check%s((%s) v, path, sensitive, out);"},
            {"void writeOutput(int op, JsonGenerator g, Object v) throws IOException", "output",
                "Codec.write%s(g, (%s) v);"},
            {"Object readOutput(int op, JsonParser p) throws IOException", "output", "return Codec.read%s(p);"},
            {"void checkOutput(int op, Object v, String path, boolean sensitive, Violations out)", "output",
                "Constraints.check%s((%s) v, path, sensitive, out);"},
        };
        for (String[] m : methods) {
            boolean returns = m[0].startsWith("Object");
            sb.append("\n    static ").append(m[0]).append(" {\n        switch (op) {\n");
            for (int i = 0; i < names.size(); i++) {
                JsonNode op = operations.get(names.get(i));
                if (!op.has(m[1])) {
                    continue;
                }
                String shape = op.get(m[1]).get("shape").asText();
                sb.append("            case ").append(i).append(":\n                ")
                        .append(String.format(m[2], shape, shape)).append(returns ? "\n" : "\n                return;\n");
            }
            sb.append("            default:\n                throw new IllegalArgumentException(\"operation \" + op);\n");
            sb.append("        }\n    }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    // --- names and types ----------------------------------------------------------------------------------

    private boolean isRecord(JsonNode s) {
        return "structure".equals(type(s)) && !s.path("document").asBoolean() && !s.path("exception").asBoolean();
    }

    private String javaType(String shapeName) {
        JsonNode s = shapes.get(shapeName);
        return switch (kind(s)) {
            case "string" -> "String";
            case "integer" -> "Integer";
            case "long" -> "Long";
            case "boolean" -> "Boolean";
            case "timestamp" -> "java.time.Instant";
            case "blob" -> "byte[]";
            case "document" -> "com.fasterxml.jackson.databind.JsonNode";
            case "structure" -> shapeName;
            case "list" -> "java.util.List<" + javaType(s.get("member").get("shape").asText()) + ">";
            case "map" -> "java.util.Map<String, " + javaType(s.get("value").get("shape").asText()) + ">";
            default -> throw new IllegalStateException("unknown type of " + shapeName);
        };
    }

    private static String kind(JsonNode s) {
        String type = type(s);
        return "structure".equals(type) && s.path("document").asBoolean() ? "document" : type;
    }

    private static String type(JsonNode s) {
        return s.get("type").asText();
    }

    private static List<String> memberNames(JsonNode s) {
        List<String> names = new ArrayList<>();
        s.path("members").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String memberShape(JsonNode s, String member) {
        return s.get("members").get(member).get("shape").asText();
    }

    private static List<String> required(JsonNode s) {
        List<String> names = new ArrayList<>();
        s.path("required").forEach(r -> names.add(r.asText()));
        return names;
    }

    /** Member names whose lowerCamel form is a method every object has. */
    private static final Map<String, String> RENAMED = Map.of("Notify", "notifyUser");
    private static final Set<String> OBJECT_METHODS = Set.of("notify", "notifyAll", "wait", "getClass", "hashCode",
            "toString", "equals", "clone", "finalize");

    /** {@code UserPoolId} -> {@code userPoolId}, {@code SMSMfaSettings} -> {@code smsMfaSettings}. */
    static String javaName(String member) {
        String renamed = RENAMED.get(member);
        if (renamed != null) {
            return renamed;
        }
        String name = lowerCamel(member);
        if (OBJECT_METHODS.contains(name)) {
            throw new IllegalStateException("member " + member + " needs a name in RENAMED");
        }
        return name;
    }

    private static String lowerCamel(String member) {
        int run = 0;
        while (run < member.length() && Character.isUpperCase(member.charAt(run))) {
            run++;
        }
        if (run <= 1) {
            return Character.toLowerCase(member.charAt(0)) + member.substring(1);
        }
        int lower = run < member.length() && Character.isLowerCase(member.charAt(run)) ? run - 1 : run;
        return member.substring(0, lower).toLowerCase(Locale.ROOT) + member.substring(lower);
    }

    /** The member's name in validation paths, as AWS writes it: the first letter in lower case. */
    static String pathName(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private static String local(String member) {
        return "m" + member;
    }

    private static String javaString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private void write(String className, String text) throws IOException {
        written.add(className);
        Path file = out.resolve(className + ".java");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.write(file, bytes);
    }
}
