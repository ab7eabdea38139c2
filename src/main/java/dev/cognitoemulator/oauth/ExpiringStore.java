package dev.cognitoemulator.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map of short-lived entries by an opaque key (authorization codes, single sign-on sessions, pending
 * authorizations): an entry is gone once it expires; when the store is full, the expired entries go first, then
 * those closest to expiring. Not pool state: these live minutes to an hour and are not exported or made durable,
 * as a restart of Cognito's front end would not keep them either (unconfirmed).
 */
final class ExpiringStore<V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int capacity;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    ExpiringStore(int capacity) {
        this.capacity = capacity;
    }

    void put(String key, V value, Instant expires, Instant now) {
        if (entries.size() >= capacity) {
            makeRoom(now);
        }
        entries.put(key, new Entry<>(value, expires));
    }

    /** The live entry, or null. */
    V get(String key, Instant now) {
        Entry<V> entry = key == null ? null : entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.expires())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** The live entry, removed: a key that works once. Null when there is none (or it expired). */
    V take(String key, Instant now) {
        Entry<V> entry = key == null ? null : entries.remove(key);
        return entry == null || !now.isBefore(entry.expires()) ? null : entry.value();
    }

    void remove(String key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
        while (entries.size() >= capacity) {
            String soonest = null;
            Instant first = null;
            for (Map.Entry<String, Entry<V>> e : entries.entrySet()) {
                if (first == null || e.getValue().expires().isBefore(first)) {
                    first = e.getValue().expires();
                    soonest = e.getKey();
                }
            }
            if (soonest == null) {
                return;
            }
            entries.remove(soonest);
        }
    }
}
