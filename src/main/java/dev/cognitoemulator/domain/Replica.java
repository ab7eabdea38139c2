package dev.cognitoemulator.domain;

import java.util.Map;

/**
 * A pool's secondary replica (multi-Region replication): the same pool, under the same id, served in another
 * region. The primary (the region in the pool's id) holds the user directory and its settings; the replica reads
 * them, signs users in while ACTIVE, and keeps its own tags.
 *
 * @param status INACTIVE (created, not yet serving end users) or ACTIVE
 */
public record Replica(String region, String status, Map<String, String> tags) {

    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    public Replica {
        tags = Map.copyOf(tags);
    }

    public Replica withStatus(String value) {
        return new Replica(region, value, tags);
    }
}
