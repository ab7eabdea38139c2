package dev.cognitoemulator.tokens;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a PreTokenGeneration function asked to change in the tokens about to be minted (documented: developer guide,
 * "Pre token generation Lambda trigger"): claims added or overridden and claims suppressed, in the ID token and (event
 * versions 2 and 3) the access token, scopes added to and suppressed from the access token, and the groups both
 * tokens name. A claim both suppressed and overridden is suppressed. The claims Cognito does not let a function
 * touch ({@link #ID_EXCLUDED}, {@link #ACCESS_EXCLUDED}) are left as minted.
 *
 * @param groups the replacement for the groups (and their roles), or null to keep the user's
 */
public record TokenCustomization(Claims id, Claims access, List<String> scopesToAdd, List<String> scopesToSuppress,
        GroupOverride groups) {

    /** Nothing changed: no function, or one that asked for nothing. */
    public static final TokenCustomization NONE = new TokenCustomization(Claims.NONE, Claims.NONE, List.of(),
            List.of(), null);

    /**
     * The claims of one token to add or override (JSON values as Java: strings, numbers, booleans, lists and maps)
     * and to suppress.
     */
    public record Claims(Map<String, Object> toAddOrOverride, List<String> toSuppress) {

        public static final Claims NONE = new Claims(Map.of(), List.of());

        public Claims {
            toAddOrOverride = Collections.unmodifiableMap(new LinkedHashMap<>(toAddOrOverride));
            toSuppress = List.copyOf(toSuppress);
        }
    }

    /** {@code groupOverrideDetails}: the groups, IAM roles and preferred role (null for none) the tokens name. */
    public record GroupOverride(List<String> groups, List<String> iamRoles, String preferredRole) {

        public GroupOverride {
            groups = List.copyOf(groups);
            iamRoles = List.copyOf(iamRoles);
        }
    }

    public TokenCustomization {
        scopesToAdd = List.copyOf(scopesToAdd);
        scopesToSuppress = List.copyOf(scopesToSuppress);
    }

    /**
     * The claims no function changes in an ID token (documented: "You can not modify the following claims", the
     * developer guide's pre token generation page), and the group claims, which {@code groupOverrideDetails} changes
     * ("For group related claims, use groupOverrideDetails instead").
     */
    public static final Set<String> ID_EXCLUDED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp",
            "cognito:username", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub",
            "token_use", "cognito:groups", "cognito:roles", "cognito:preferred_role");

    /**
     * An access token's: the ID token's list, and the access token's own claims naming its client, user and scopes
     * ({@code scope} changes through {@code scopesToAdd} / {@code scopesToSuppress}); unconfirmed beyond the
     * documented list.
     */
    public static final Set<String> ACCESS_EXCLUDED = union(ID_EXCLUDED, Set.of("client_id", "username", "scope",
            "device_key", "event_id", "version"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
