package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.GetIdentityProviderByIdentifierRequest;
import dev.cognitoemulator.model.GetIdentityProviderByIdentifierResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The identity provider that holds an IdP identifier (exactly as given at create or update). */
public final class GetIdentityProviderByIdentifier
        implements Operation<GetIdentityProviderByIdentifierRequest, GetIdentityProviderByIdentifierResponse> {

    @Override
    public GetIdentityProviderByIdentifierResponse execute(GetIdentityProviderByIdentifierRequest request,
            Call call) {
        return call.read(request.userPoolId(), pool -> {
            IdentityProvider provider = pool.identityProviderByIdentifier(request.idpIdentifier());
            if (provider == null) {
                // Unconfirmed: AWS's text is not public.
                throw new CognitoException(ErrorCode.ResourceNotFoundException,
                        "Identity provider with identifier " + request.idpIdentifier() + " does not exist.");
            }
            return new GetIdentityProviderByIdentifierResponse(Providers.type(provider, pool.pool().id()));
        });
    }
}
