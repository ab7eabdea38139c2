package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.ProviderLink;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What AdminLinkProviderForUser and AdminDisableProviderForUser share: the provider named, the user's identities. */
final class Links {

    private Links() {
    }

    /** The pool's provider of that name, as the source of a link. */
    static IdentityProvider requireProvider(PoolView pool, String providerName) {
        IdentityProvider provider = pool.identityProvider(providerName);
        if (provider == null) {
            // Captured for an app client's SupportedIdentityProviders (lgallard/terraform-aws-cognito-user-pool#71);
            // for this operation unconfirmed.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "The provider " + providerName + " does not exist for User Pool " + pool.pool().id() + ".");
        }
        return provider;
    }

    /**
     * The user with its {@code identities} attribute rendered from its links (left out when it has none), in the
     * shape of a federated user's (unconfirmed that AWS shows links there before the identity first signs in).
     */
    static User withIdentities(User user, List<ProviderLink> links, Instant now) {
        if (links.isEmpty()) {
            return user.withAttributes(user.attributes().without(Set.of("identities")), now);
        }
        List<Map<String, Object>> identities = links.stream().map(link -> {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("userId", link.attributeValue());
            identity.put("providerName", link.providerName());
            identity.put("providerType", link.providerType().name());
            identity.put("issuer", null);
            identity.put("primary", false);
            identity.put("dateCreated", link.created().toEpochMilli());
            return identity;
        }).toList();
        return user.withAttributes(user.attributes().with("identities", Json.write(identities)), now);
    }
}
