package dev.cognitoemulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.CognitoEmulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * In-process Lambda functions for a test class's emulator ({@code CognitoEmulator.Builder.lambda}), whose code each
 * test sets ({@link #set}) and whose events it reads back ({@link #events}). A function with no code set returns the
 * event unchanged.
 */
public final class Functions {

    private final Map<String, Function<ObjectNode, JsonNode>> code = new ConcurrentHashMap<>();
    private final List<ObjectNode> events = new CopyOnWriteArrayList<>();

    /** Registers the functions {@code names} with the builder. */
    public CognitoEmulator.Builder register(CognitoEmulator.Builder builder, String... names) {
        for (String name : names) {
            builder.lambda(name, event -> {
                ObjectNode copy = (ObjectNode) event.deepCopy();
                events.add(copy);
                return code.getOrDefault(name, e -> e).apply((ObjectNode) event);
            });
        }
        return builder;
    }

    /** The code of function {@code name} from now on. */
    public void set(String name, Function<ObjectNode, JsonNode> function) {
        code.put(name, function);
    }

    /** Every function back to returning its event, and no events recorded. */
    public void reset() {
        code.clear();
        events.clear();
    }

    /** The events received so far whose {@code triggerSource} is {@code source}, oldest first. */
    public List<ObjectNode> events(String source) {
        return events.stream().filter(e -> source.equals(e.path("triggerSource").asText())).toList();
    }
}
