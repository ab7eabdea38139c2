package dev.cognitoemulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of a request that is kept as a JSON tree (already validated against the model). */
public final class Members {

    private Members() {
    }

    public static String text(JsonNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || value.isNull() ? null : value.textValue();
    }

    /** The list's values; empty when the member is absent. */
    public static List<String> texts(JsonNode request, String name) {
        List<String> values = new ArrayList<>();
        JsonNode list = request.get(name);
        if (list != null) {
            list.forEach(v -> values.add(v.textValue()));
        }
        return values;
    }

    /** The list's values; null when the member is absent (where absent and empty mean different things). */
    public static List<String> textsOrNull(JsonNode request, String name) {
        JsonNode list = request.get(name);
        return list == null || list.isNull() ? null : texts(request, name);
    }

    public static Map<String, String> textMap(JsonNode request, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode map = request.get(name);
        if (map != null) {
            map.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().textValue()));
        }
        return values;
    }
}
