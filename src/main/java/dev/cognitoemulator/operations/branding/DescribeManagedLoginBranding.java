package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.model.DescribeManagedLoginBrandingRequest;
import dev.cognitoemulator.model.DescribeManagedLoginBrandingResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * A managed login style by its id. {@code ReturnMergedResources} answers the same: the emulator keeps no copy of
 * Cognito's default style to merge in.
 */
public final class DescribeManagedLoginBranding
        implements Operation<DescribeManagedLoginBrandingRequest, DescribeManagedLoginBrandingResponse> {

    @Override
    public DescribeManagedLoginBrandingResponse execute(DescribeManagedLoginBrandingRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> new DescribeManagedLoginBrandingResponse(Brandings.type(
                Brandings.require(pool, request.managedLoginBrandingId()), pool.pool().id())));
    }
}
