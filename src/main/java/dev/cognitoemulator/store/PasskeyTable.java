package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.domain.WebAuthnRegistration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pool's passkeys: by credential id, and each user's in credential-id order (for stable pages); and the one
 * registration each user may have under way (bounded by the users).
 */
final class PasskeyTable {

    private final Map<String, WebAuthnCredential> credentials = new HashMap<>();
    private final Map<String, TreeMap<String, WebAuthnCredential>> bySub = new HashMap<>();
    private final Map<String, WebAuthnRegistration> registrations = new HashMap<>();

    WebAuthnCredential get(String credentialId) {
        return credentials.get(credentialId);
    }

    Iterator<WebAuthnCredential> ofUser(String sub, String afterId) {
        TreeMap<String, WebAuthnCredential> own = bySub.get(sub);
        if (own == null) {
            return Collections.emptyIterator();
        }
        return (afterId == null ? own : own.tailMap(afterId, false)).values().iterator();
    }

    int count(String sub) {
        TreeMap<String, WebAuthnCredential> own = bySub.get(sub);
        return own == null ? 0 : own.size();
    }

    void put(WebAuthnCredential credential) {
        WebAuthnCredential old = credentials.put(credential.credentialId(), credential);
        if (old != null && !old.sub().equals(credential.sub())) {
            removeFromUser(old);
        }
        bySub.computeIfAbsent(credential.sub(), s -> new TreeMap<>()).put(credential.credentialId(), credential);
    }

    void remove(String credentialId) {
        WebAuthnCredential old = credentials.remove(credentialId);
        if (old != null) {
            removeFromUser(old);
        }
    }

    WebAuthnRegistration registration(String sub) {
        return registrations.get(sub);
    }

    void putRegistration(WebAuthnRegistration registration) {
        registrations.put(registration.sub(), registration);
    }

    void removeRegistration(String sub) {
        registrations.remove(sub);
    }

    /** A deleted user's passkeys and registration go with it. */
    void removeAll(String sub) {
        registrations.remove(sub);
        TreeMap<String, WebAuthnCredential> own = bySub.remove(sub);
        if (own != null) {
            own.keySet().forEach(credentials::remove);
        }
    }

    private void removeFromUser(WebAuthnCredential credential) {
        TreeMap<String, WebAuthnCredential> own = bySub.get(credential.sub());
        if (own != null && own.remove(credential.credentialId()) != null && own.isEmpty()) {
            bySub.remove(credential.sub());
        }
    }
}
