package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An external identity provider of a pool (OIDC, SAML or a social one), as Cognito keeps it: its details with the
 * keys Cognito adds ({@link ProviderRules}), the attribute mapping (with its default {@code username}) and the
 * identifiers {@code idp_identifier} can name it by; a SAML provider with {@code EncryptedResponses} has the
 * certificate its IdP encrypts to ({@code encryption}, else null). Part of the pool's state.
 */
public record IdentityProvider(String name, ProviderType type, Map<String, String> details,
        Map<String, String> attributeMapping, List<String> idpIdentifiers, SamlCertificate encryption,
        Instant created, Instant lastModified) {

    public IdentityProvider {
        details = Collections.unmodifiableMap(new TreeMap<>(details));
        attributeMapping = Collections.unmodifiableMap(new TreeMap<>(attributeMapping));
        idpIdentifiers = List.copyOf(idpIdentifiers);
    }

    @Override
    public String toString() {
        // details hold the provider's client secret and private key
        return "IdentityProvider[" + name + ", " + type + "]";
    }
}
