package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.ManagedLoginBranding;
import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.domain.UICustomization;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pool's look and terms: classic UI customizations (by client id, {@link UICustomization#ALL} for the pool's),
 * managed login styles (by id, and the one of each client) and terms documents (in id order, for stable pages).
 */
final class LookTable {

    private final Map<String, UICustomization> customizations = new HashMap<>();
    private final Map<String, ManagedLoginBranding> brandings = new HashMap<>();
    private final Map<String, String> brandingOfClient = new HashMap<>();
    private final TreeMap<String, Terms> terms = new TreeMap<>();

    UICustomization customization(String clientId) {
        return customizations.get(clientId);
    }

    void put(UICustomization customization) {
        customizations.put(customization.clientId(), customization);
    }

    ManagedLoginBranding branding(String id) {
        return brandings.get(id);
    }

    ManagedLoginBranding brandingOfClient(String clientId) {
        String id = brandingOfClient.get(clientId);
        return id == null ? null : brandings.get(id);
    }

    void put(ManagedLoginBranding branding) {
        ManagedLoginBranding old = brandings.put(branding.id(), branding);
        if (old != null) {
            brandingOfClient.remove(old.clientId());
        }
        brandingOfClient.put(branding.clientId(), branding.id());
    }

    void removeBranding(String id) {
        ManagedLoginBranding old = brandings.remove(id);
        if (old != null) {
            brandingOfClient.remove(old.clientId());
        }
    }

    Terms terms(String id) {
        return terms.get(id);
    }

    Iterator<Terms> termsAfter(String afterId) {
        return (afterId == null ? terms : terms.tailMap(afterId, false)).values().iterator();
    }

    void put(Terms document) {
        terms.put(document.id(), document);
    }

    void removeTerms(String id) {
        terms.remove(id);
    }

    /** A deleted client's customization, style and terms go with it. */
    void removeClient(String clientId) {
        customizations.remove(clientId);
        String branding = brandingOfClient.remove(clientId);
        if (branding != null) {
            brandings.remove(branding);
        }
        terms.values().removeIf(t -> t.clientId().equals(clientId));
    }
}
