package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.VerificationCode;
import java.util.HashMap;
import java.util.Map;

/** A pool's codes waiting to be typed back, one per user and purpose. */
final class CodeTable {

    private final Map<String, VerificationCode> codes = new HashMap<>();

    static String key(String sub, String purpose) {
        return sub + '\n' + purpose;
    }

    VerificationCode get(String sub, String purpose) {
        return codes.get(key(sub, purpose));
    }

    void put(VerificationCode code) {
        codes.put(key(code.sub(), code.purpose()), code);
    }

    void remove(String sub, String purpose) {
        codes.remove(key(sub, purpose));
    }

    void removeAll(String sub) {
        codes.keySet().removeIf(k -> k.startsWith(sub + '\n'));
    }
}
