package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderRules;
import dev.cognitoemulator.domain.SamlCertificate;
import dev.cognitoemulator.model.UpdateIdentityProviderRequest;
import dev.cognitoemulator.model.UpdateIdentityProviderResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.tokens.Certificates;
import java.util.Map;

/**
 * Changes an identity provider: each of {@code ProviderDetails}, {@code AttributeMapping} and
 * {@code IdpIdentifiers} that is given replaces the one kept, checked as on create (so details are given whole);
 * what is not given stays. A SAML provider keeps its encryption certificate while its responses stay encrypted.
 */
public final class UpdateIdentityProvider
        implements Operation<UpdateIdentityProviderRequest, UpdateIdentityProviderResponse> {

    @Override
    public UpdateIdentityProviderResponse execute(UpdateIdentityProviderRequest request, Call call) {
        // Made before the pool is locked, in case the provider needs one and has none yet.
        SamlCertificate prepared = request.providerDetails() != null
                && "true".equals(request.providerDetails().get("EncryptedResponses"))
                ? Certificates.saml(request.userPoolId(), call.now(), call.random().secureRandom()) : null;
        IdentityProvider updated = call.write(request.userPoolId(), pool -> {
            IdentityProvider old = pool.requireIdentityProvider(request.providerName());
            Map<String, String> details = request.providerDetails() == null ? old.details()
                    : ProviderRules.details(old.type(), request.providerDetails());
            SamlCertificate encryption = !ProviderRules.encrypted(old.type(), details) ? null
                    : old.encryption() != null ? old.encryption() : prepared;
            IdentityProvider provider = new IdentityProvider(old.name(), old.type(), details,
                    request.attributeMapping() == null ? old.attributeMapping()
                            : ProviderRules.attributeMapping(pool.pool(), old.type(), request.attributeMapping()),
                    request.idpIdentifiers() == null ? old.idpIdentifiers()
                            : ProviderRules.idpIdentifiers(pool, old.name(), request.idpIdentifiers()),
                    encryption, old.created(), call.now());
            pool.putIdentityProvider(provider);
            return provider;
        });
        return new UpdateIdentityProviderResponse(Providers.type(updated, request.userPoolId()));
    }
}
