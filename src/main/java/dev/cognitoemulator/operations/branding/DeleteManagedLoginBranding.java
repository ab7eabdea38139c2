package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.model.DeleteManagedLoginBrandingRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes a managed login style; its client may be given a new one. */
public final class DeleteManagedLoginBranding implements Operation<DeleteManagedLoginBrandingRequest, Void> {

    @Override
    public Void execute(DeleteManagedLoginBrandingRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.removeManagedLoginBranding(Brandings.require(pool, request.managedLoginBrandingId()).id());
            return null;
        });
    }
}
