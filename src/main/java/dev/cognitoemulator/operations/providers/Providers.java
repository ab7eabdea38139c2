package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderRules;
import dev.cognitoemulator.model.IdentityProviderType;
import dev.cognitoemulator.model.ProviderDescription;

/** Identity providers on the wire, as the provider operations return them. */
final class Providers {

    private Providers() {
    }

    static IdentityProviderType type(IdentityProvider provider, String poolId) {
        return new IdentityProviderType(provider.attributeMapping(), provider.created(), provider.idpIdentifiers(),
                provider.lastModified(), ProviderRules.shown(provider), provider.name(), provider.type().name(),
                poolId);
    }

    static ProviderDescription description(IdentityProvider provider) {
        return new ProviderDescription(provider.created(), provider.lastModified(), provider.name(),
                provider.type().name());
    }
}
