package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderRules;
import dev.cognitoemulator.domain.ProviderType;
import dev.cognitoemulator.domain.ResourceQuotas;
import dev.cognitoemulator.domain.SamlCertificate;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateIdentityProviderRequest;
import dev.cognitoemulator.model.CreateIdentityProviderResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.tokens.Certificates;
import java.util.List;
import java.util.Map;

/**
 * Adds an identity provider to the pool: its name unique in the pool, its details, mapping and identifiers checked
 * as Cognito checks them ({@link ProviderRules}); a SAML provider with encrypted responses gets its encryption
 * certificate (made before the pool is locked).
 */
public final class CreateIdentityProvider
        implements Operation<CreateIdentityProviderRequest, CreateIdentityProviderResponse> {

    @Override
    public CreateIdentityProviderResponse execute(CreateIdentityProviderRequest request, Call call) {
        ProviderType type = ProviderType.of(request.providerType());
        ProviderRules.checkName(request.providerName(), type);
        Map<String, String> details = ProviderRules.details(type, request.providerDetails());
        SamlCertificate encryption = ProviderRules.encrypted(type, details)
                ? Certificates.saml(request.userPoolId(), call.now(), call.random().secureRandom()) : null;
        IdentityProvider created = call.write(request.userPoolId(), pool -> {
            if (pool.identityProvider(request.providerName()) != null) {
                // Captured: aws-cloudformation/cloudformation-coverage-roadmap#1287 (from CloudTrail).
                throw new CognitoException(ErrorCode.DuplicateProviderException,
                        request.providerName() + " already exists in user pool " + pool.pool().id());
            }
            ResourceQuotas.oneMoreIdentityProvider(pool);
            IdentityProvider provider = new IdentityProvider(request.providerName(), type, details,
                    ProviderRules.attributeMapping(pool.pool(), type,
                            request.attributeMapping() == null ? Map.of() : request.attributeMapping()),
                    ProviderRules.idpIdentifiers(pool, null,
                            request.idpIdentifiers() == null ? List.of() : request.idpIdentifiers()),
                    encryption, call.now(), call.now());
            pool.putIdentityProvider(provider);
            return provider;
        });
        return new CreateIdentityProviderResponse(Providers.type(created, request.userPoolId()));
    }
}
