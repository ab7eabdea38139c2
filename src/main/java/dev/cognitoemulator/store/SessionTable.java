package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.AuthSession;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pool's sign-ins waiting for a challenge's answer. Bounded: past {@link #MAX} the oldest go first (a session
 * lives minutes, AuthSessionValidity 3 to 15; clients that start sign-ins and never answer must not fill the heap).
 */
final class SessionTable {

    static final int MAX = 10_000;

    private final Map<String, AuthSession> sessions = new LinkedHashMap<>();

    AuthSession get(String id) {
        return sessions.get(id);
    }

    void put(AuthSession session) {
        sessions.put(session.id(), session);
        if (sessions.size() > MAX) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The session a put of a new one of that id would push out (the oldest, when full), or null. */
    String evictedBy(String id) {
        return sessions.size() < MAX || sessions.containsKey(id) ? null : sessions.keySet().iterator().next();
    }

    void remove(String id) {
        sessions.remove(id);
    }

    void removeAll(String sub) {
        sessions.values().removeIf(session -> sub.equals(session.sub()));
    }
}
