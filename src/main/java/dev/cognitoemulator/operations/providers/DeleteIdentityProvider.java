package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.model.DeleteIdentityProviderRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Removes an identity provider (and its IdP identifiers) from the pool. */
public final class DeleteIdentityProvider implements Operation<DeleteIdentityProviderRequest, Void> {

    @Override
    public Void execute(DeleteIdentityProviderRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.removeIdentityProvider(pool.requireIdentityProvider(request.providerName()).name());
            return null;
        });
    }
}
