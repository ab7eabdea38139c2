package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pool's identity providers, by name (in name order, for stable pages) and by IdP identifier, and the provider
 * identities linked to its users, by provider and value and by user.
 */
final class ProviderTable {

    private final TreeMap<String, IdentityProvider> providers = new TreeMap<>();
    private final Map<String, String> byIdentifier = new HashMap<>();
    private final Map<String, ProviderLink> links = new HashMap<>();

    int count() {
        return providers.size();
    }
    private final Map<String, List<ProviderLink>> linksBySub = new HashMap<>();

    IdentityProvider get(String name) {
        return providers.get(name);
    }

    IdentityProvider byIdentifier(String identifier) {
        String name = byIdentifier.get(identifier);
        return name == null ? null : providers.get(name);
    }

    Iterator<IdentityProvider> after(String afterName) {
        return (afterName == null ? providers : providers.tailMap(afterName, false)).values().iterator();
    }

    void put(IdentityProvider provider) {
        remove(provider.name());
        providers.put(provider.name(), provider);
        provider.idpIdentifiers().forEach(id -> byIdentifier.put(id, provider.name()));
    }

    void remove(String name) {
        IdentityProvider old = providers.remove(name);
        if (old != null) {
            old.idpIdentifiers().forEach(byIdentifier::remove);
        }
    }

    ProviderLink link(String providerName, String value) {
        return links.get(linkKey(providerName, value));
    }

    List<ProviderLink> linksOf(String sub) {
        return List.copyOf(linksBySub.getOrDefault(sub, List.of()));
    }

    void putLink(ProviderLink link) {
        removeLink(link.providerName(), link.attributeValue());
        links.put(linkKey(link.providerName(), link.attributeValue()), link);
        linksBySub.computeIfAbsent(link.sub(), s -> new ArrayList<>(1)).add(link);
    }

    void removeLink(String providerName, String value) {
        ProviderLink old = links.remove(linkKey(providerName, value));
        if (old != null) {
            List<ProviderLink> own = linksBySub.get(old.sub());
            own.remove(old);
            if (own.isEmpty()) {
                linksBySub.remove(old.sub());
            }
        }
    }

    /** A deleted user's links go with it. */
    void removeLinks(String sub) {
        List<ProviderLink> own = linksBySub.remove(sub);
        if (own != null) {
            own.forEach(link -> links.remove(linkKey(link.providerName(), link.attributeValue())));
        }
    }

    static String linkKey(String providerName, String value) {
        return providerName + '\n' + value;
    }
}
