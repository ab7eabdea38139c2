package dev.cognitoemulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cognito-idp service model (botocore's {@code service-2.json}, docs stripped, shipped as a resource):
 * every operation with its auth type and input shape, every constraint compiled once at start-up.
 */
public final class ServiceModel {

    private static final String RESOURCE = "cognito-idp-2016-04-18.json";

    /** An operation as the model declares it. */
    public record OperationModel(String name, boolean signed, Shape.Structure input) {
    }

    private final String targetPrefix;
    private final Map<String, OperationModel> operations;

    private ServiceModel(String targetPrefix, Map<String, OperationModel> operations) {
        this.targetPrefix = targetPrefix;
        this.operations = operations;
    }

    public static ServiceModel load() {
        try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code AWSCognitoIdentityProviderService}: the part of {@code X-Amz-Target} before the dot. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** The operation, or null when the model has none of that name. */
    public OperationModel operation(String name) {
        return operations.get(name);
    }

    public Set<String> operationNames() {
        return operations.keySet();
    }

    private static ServiceModel parse(JsonNode model) {
        Compiler compiler = new Compiler(model.get("shapes"));
        Map<String, OperationModel> operations = new HashMap<>();
        model.get("operations").fields().forEachRemaining(e -> {
            JsonNode op = e.getValue();
            JsonNode input = op.path("input").path("shape");
            Shape.Structure inputShape = input.isMissingNode()
                    ? new Shape.Structure(false)
                    : (Shape.Structure) compiler.shape(input.asText());
            boolean signed = !"none".equals(op.path("authtype").asText());
            operations.put(e.getKey(), new OperationModel(e.getKey(), signed, inputShape));
        });
        return new ServiceModel(model.get("metadata").get("targetPrefix").asText(), Map.copyOf(operations));
    }

    /** Compiles shapes on first reference; a structure is registered before its members, so cycles close. */
    private static final class Compiler {
        private final JsonNode definitions;
        private final Map<String, Shape> compiled = new HashMap<>();

        Compiler(JsonNode definitions) {
            this.definitions = definitions;
        }

        Shape shape(String name) {
            Shape done = compiled.get(name);
            if (done != null) {
                return done;
            }
            JsonNode s = definitions.get(name);
            String type = s.get("type").asText();
            if ("structure".equals(type) && !s.path("document").asBoolean()) {
                Shape.Structure structure = new Shape.Structure(s.path("sensitive").asBoolean());
                compiled.put(name, structure);
                structure.members(members(s));
                return structure;
            }
            Shape shape = switch (type) {
                case "structure" -> new Shape.DocumentShape();
                case "string" -> string(s);
                case "integer", "long" -> new Shape.NumberShape("integer".equals(type), num(s, "min"), num(s, "max"));
                case "boolean" -> new Shape.BooleanShape();
                case "timestamp" -> new Shape.TimestampShape();
                case "blob" -> new Shape.BlobShape(num(s, "min"), num(s, "max"), s.path("sensitive").asBoolean());
                case "list" -> new Shape.ListShape(ref(s.get("member")), num(s, "min"), num(s, "max"));
                case "map" -> new Shape.MapShape((Shape.StringShape) ref(s.get("key")), ref(s.get("value")),
                        num(s, "min"), num(s, "max"), s.path("sensitive").asBoolean());
                default -> throw new IllegalStateException("unknown shape type " + type + " of " + name);
            };
            compiled.put(name, shape);
            return shape;
        }

        private Shape ref(JsonNode reference) {
            return shape(reference.get("shape").asText());
        }

        private List<Shape.Member> members(JsonNode s) {
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            List<Shape.Member> members = new ArrayList<>();
            s.path("members").fields().forEachRemaining(m -> members.add(new Shape.Member(m.getKey(),
                    Shape.pathName(m.getKey()), required.contains(m.getKey()), ref(m.getValue()))));
            return members;
        }

        private static Shape.StringShape string(JsonNode s) {
            List<String> enumValues = null;
            if (s.has("enum")) {
                List<String> values = new ArrayList<>();
                s.get("enum").forEach(v -> values.add(v.asText()));
                enumValues = List.copyOf(values);
            }
            String regex = s.has("pattern") ? s.get("pattern").asText() : null;
            return new Shape.StringShape(num(s, "min"), num(s, "max"), regex == null ? null : ValuePattern.of(regex),
                    enumValues, s.path("sensitive").asBoolean());
        }

        private static Long num(JsonNode s, String field) {
            return s.has(field) ? s.get(field).asLong() : null;
        }
    }
}
