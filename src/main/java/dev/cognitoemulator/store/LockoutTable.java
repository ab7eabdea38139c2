package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.Lockout;
import java.util.HashMap;
import java.util.Map;

/** A pool's users with failed password sign-ins (only those: a success removes the entry). */
final class LockoutTable {

    private final Map<String, Lockout> lockouts = new HashMap<>();

    Lockout get(String sub) {
        return lockouts.get(sub);
    }

    void put(Lockout lockout) {
        lockouts.put(lockout.sub(), lockout);
    }

    void remove(String sub) {
        lockouts.remove(sub);
    }
}
