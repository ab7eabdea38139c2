package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.RiskConfiguration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A pool's threat protection: its risk configurations (the pool's under the key "", each client's under its id) and
 * each user's auth events, newest first, at most {@link AuthEvent#MAX_PER_USER} a user.
 */
final class ThreatTable {

    private static final String POOL = "";

    private final Map<String, RiskConfiguration> configurations = new HashMap<>();
    private final Map<String, ArrayDeque<AuthEvent>> events = new HashMap<>();

    RiskConfiguration configuration(String clientId) {
        return configurations.get(clientId == null ? POOL : clientId);
    }

    void put(RiskConfiguration configuration) {
        configurations.put(configuration.clientId() == null ? POOL : configuration.clientId(), configuration);
    }

    void remove(String clientId) {
        configurations.remove(clientId == null ? POOL : clientId);
    }

    /** Inserts the event as the user's newest, or replaces the event of the same id where it is. */
    void put(AuthEvent event) {
        ArrayDeque<AuthEvent> mine = events.computeIfAbsent(event.sub(), s -> new ArrayDeque<>());
        if (mine.isEmpty() || !replace(mine, event)) {
            mine.addFirst(event);
            if (mine.size() > AuthEvent.MAX_PER_USER) {
                mine.removeLast();
            }
        }
    }

    /** The id of the user's event that putting {@code event} drops (the oldest beyond the bound), or null. */
    String evictedBy(AuthEvent event) {
        ArrayDeque<AuthEvent> mine = events.get(event.sub());
        if (mine == null || mine.size() < AuthEvent.MAX_PER_USER || event(event.sub(), event.eventId()) != null) {
            return null;
        }
        return mine.peekLast().eventId();
    }

    private static boolean replace(ArrayDeque<AuthEvent> mine, AuthEvent event) {
        if (mine.stream().noneMatch(e -> e.eventId().equals(event.eventId()))) {
            return false;
        }
        ArrayDeque<AuthEvent> copy = new ArrayDeque<>(mine.size());
        for (AuthEvent e : mine) {
            copy.addLast(e.eventId().equals(event.eventId()) ? event : e);
        }
        mine.clear();
        mine.addAll(copy);
        return true;
    }

    AuthEvent event(String sub, String eventId) {
        ArrayDeque<AuthEvent> mine = events.get(sub);
        if (mine != null) {
            for (AuthEvent e : mine) {
                if (e.eventId().equals(eventId)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The user's events newest first, after the event {@code afterId} (from the newest when null or unknown). */
    Iterator<AuthEvent> after(String sub, String afterId) {
        ArrayDeque<AuthEvent> mine = events.get(sub);
        if (mine == null) {
            return Collections.emptyIterator();
        }
        Iterator<AuthEvent> it = mine.iterator();
        if (afterId == null) {
            return it;
        }
        while (it.hasNext()) {
            if (it.next().eventId().equals(afterId)) {
                return it;
            }
        }
        return Collections.emptyIterator();
    }

    void removeUser(String sub) {
        events.remove(sub);
    }
}
