package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.Map;

/** An app client's terms document ({@code terms-of-use} or {@code privacy-policy}): a link per language. */
public record Terms(String id, String clientId, String name, String source, String enforcement,
        Map<String, String> links, Instant created, Instant modified) {

    public Terms {
        links = Map.copyOf(links);
    }
}
