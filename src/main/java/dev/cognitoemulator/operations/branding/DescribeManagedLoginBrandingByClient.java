package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.domain.ManagedLoginBranding;
import dev.cognitoemulator.model.DescribeManagedLoginBrandingByClientRequest;
import dev.cognitoemulator.model.DescribeManagedLoginBrandingByClientResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The managed login style of an app client (see {@link DescribeManagedLoginBranding}). */
public final class DescribeManagedLoginBrandingByClient implements
        Operation<DescribeManagedLoginBrandingByClientRequest, DescribeManagedLoginBrandingByClientResponse> {

    @Override
    public DescribeManagedLoginBrandingByClientResponse execute(DescribeManagedLoginBrandingByClientRequest request,
            Call call) {
        return call.read(request.userPoolId(), pool -> {
            ManagedLoginBranding branding = pool.managedLoginBrandingOfClient(
                    pool.requireClient(request.clientId()).clientId());
            if (branding == null) {
                throw Brandings.notFound();
            }
            return new DescribeManagedLoginBrandingByClientResponse(Brandings.type(branding, pool.pool().id()));
        });
    }
}
