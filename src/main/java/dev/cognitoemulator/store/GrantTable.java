package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.RefreshGrant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A pool's refresh grants: by refresh token, by the {@code origin_jti} their tokens carry, by user. */
final class GrantTable {

    private final Map<String, RefreshGrant> grants = new HashMap<>();
    private final Map<String, String> byOrigin = new HashMap<>();
    private final Map<String, Set<String>> bySub = new HashMap<>();

    RefreshGrant get(String token) {
        return grants.get(token);
    }

    RefreshGrant byOrigin(String originJti) {
        String token = byOrigin.get(originJti);
        return token == null ? null : grants.get(token);
    }

    /** The user's grants, in no order. */
    List<RefreshGrant> of(String sub) {
        return bySub.getOrDefault(sub, Set.of()).stream().map(grants::get).toList();
    }

    void put(RefreshGrant grant) {
        grants.put(grant.token(), grant);
        byOrigin.put(grant.originJti(), grant.token());
        bySub.computeIfAbsent(grant.sub(), k -> new HashSet<>()).add(grant.token());
    }

    void revoke(String sub) {
        for (String token : bySub.getOrDefault(sub, Set.of())) {
            grants.computeIfPresent(token, (k, grant) -> grant.revoke());
        }
    }

    /** A deleted user's grants go with it. */
    void removeAll(String sub) {
        Set<String> tokens = bySub.remove(sub);
        if (tokens != null) {
            for (String token : tokens) {
                byOrigin.remove(grants.remove(token).originJti());
            }
        }
    }
}
