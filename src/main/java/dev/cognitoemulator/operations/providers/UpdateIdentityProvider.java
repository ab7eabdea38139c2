package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderRules;
import dev.cognitoemulator.model.UpdateIdentityProviderRequest;
import dev.cognitoemulator.model.UpdateIdentityProviderResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.Map;

/**
 * Changes an identity provider: each of {@code ProviderDetails}, {@code AttributeMapping} and
 * {@code IdpIdentifiers} that is given replaces the one kept, checked as on create (so details are given whole);
 * what is not given stays.
 */
public final class UpdateIdentityProvider
        implements Operation<UpdateIdentityProviderRequest, UpdateIdentityProviderResponse> {

    @Override
    public UpdateIdentityProviderResponse execute(UpdateIdentityProviderRequest request, Call call) {
        IdentityProvider updated = call.write(request.userPoolId(), pool -> {
            IdentityProvider old = pool.requireIdentityProvider(request.providerName());
            Map<String, String> details = request.providerDetails() == null ? old.details()
                    : ProviderRules.details(old.type(), request.providerDetails());
            IdentityProvider provider = new IdentityProvider(old.name(), old.type(), details,
                    request.attributeMapping() == null ? old.attributeMapping()
                            : ProviderRules.attributeMapping(pool.pool(), old.type(), request.attributeMapping()),
                    request.idpIdentifiers() == null ? old.idpIdentifiers()
                            : ProviderRules.idpIdentifiers(pool, old.name(), request.idpIdentifiers()),
                    old.created(), call.now());
            pool.putIdentityProvider(provider);
            return provider;
        });
        return new UpdateIdentityProviderResponse(Providers.type(updated, request.userPoolId()));
    }
}
