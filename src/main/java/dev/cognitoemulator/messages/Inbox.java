package dev.cognitoemulator.messages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every message Cognito would have sent, oldest first, for tests to read (over {@code GET /_emulator/messages} or
 * from Java). Bounded: past its capacity the oldest go first.
 */
public final class Inbox {

    /** Which messages a read or a clear means; a null field matches anything. */
    public record Filter(String userPoolId, String username, String destination) {

        public static final Filter ALL = new Filter(null, null, null);

        boolean matches(Message m) {
            return (userPoolId == null || userPoolId.equals(m.userPoolId()))
                    && (username == null || username.equals(m.username()))
                    && (destination == null || destination.equals(m.destination()));
        }
    }

    private final int capacity;
    private final Deque<Message> messages = new ArrayDeque<>();

    public Inbox(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Message message) {
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    public synchronized List<Message> list(Filter filter) {
        List<Message> found = new ArrayList<>();
        for (Message m : messages) {
            if (filter.matches(m)) {
                found.add(m);
            }
        }
        return found;
    }

    /** Removes what the filter matches; answers how many. */
    public synchronized int clear(Filter filter) {
        int before = messages.size();
        Predicate<Message> matches = filter::matches;
        messages.removeIf(matches);
        return before - messages.size();
    }
}
