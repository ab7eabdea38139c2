package dev.cognitoemulator.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of a request that is kept as a JSON tree (already validated against the model). */
final class Members {

    private Members() {
    }

    static String text(JsonNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || value.isNull() ? null : value.textValue();
    }

    static List<String> texts(JsonNode request, String name) {
        List<String> values = new ArrayList<>();
        JsonNode list = request.get(name);
        if (list != null) {
            list.forEach(v -> values.add(v.textValue()));
        }
        return values;
    }

    static Map<String, String> textMap(JsonNode request, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode map = request.get(name);
        if (map != null) {
            map.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().textValue()));
        }
        return values;
    }
}
