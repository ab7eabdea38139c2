package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.domain.ManagedLoginBranding;
import dev.cognitoemulator.model.UpdateManagedLoginBrandingRequest;
import dev.cognitoemulator.model.UpdateManagedLoginBrandingResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * Changes a managed login style. {@code UseCognitoProvidedValues} true goes back to Cognito's defaults (no settings,
 * no assets); otherwise what the request leaves out is kept (documented: "preserves existing style settings that you
 * don't specify"): Settings given replace the settings, each asset given replaces the one of its category and
 * colour mode.
 */
public final class UpdateManagedLoginBranding
        implements Operation<UpdateManagedLoginBrandingRequest, UpdateManagedLoginBrandingResponse> {

    @Override
    public UpdateManagedLoginBrandingResponse execute(UpdateManagedLoginBrandingRequest request, Call call) {
        // The model leaves both ids optional here; Cognito's framing of a missing member (unconfirmed for this one).
        Brandings.present(request.userPoolId(), "userPoolId");
        Brandings.present(request.managedLoginBrandingId(), "managedLoginBrandingId");
        Brandings.checkSource(request.useCognitoProvidedValues(), request.settings(), request.assets(), false);
        return call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            ManagedLoginBranding old = Brandings.require(pool, request.managedLoginBrandingId());
            boolean custom = request.settings() != null || request.assets() != null && !request.assets().isEmpty();
            ManagedLoginBranding updated = Boolean.TRUE.equals(request.useCognitoProvidedValues())
                    ? new ManagedLoginBranding(old.id(), old.clientId(), true, null, List.of(), old.created(),
                            call.now())
                    : new ManagedLoginBranding(old.id(), old.clientId(), old.useCognitoProvidedValues() && !custom,
                            request.settings() != null ? request.settings() : old.settings(),
                            Brandings.merge(old.assets(), request.assets()), old.created(), call.now());
            pool.putManagedLoginBranding(updated);
            return new UpdateManagedLoginBrandingResponse(Brandings.type(updated, poolId));
        });
    }
}
