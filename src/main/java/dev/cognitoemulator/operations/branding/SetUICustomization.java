package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.domain.UICustomization;
import dev.cognitoemulator.model.SetUICustomizationRequest;
import dev.cognitoemulator.model.SetUICustomizationResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Sets the classic hosted UI's CSS and logo for the pool (ClientId absent or {@code ALL}) or for one app client,
 * replacing what was set before (the first setting's CreationDate is kept).
 */
public final class SetUICustomization implements Operation<SetUICustomizationRequest, SetUICustomizationResponse> {

    @Override
    public SetUICustomizationResponse execute(SetUICustomizationRequest request, Call call) {
        UICustomizations.checkCss(request.css());
        UICustomizations.checkImage(request.imageFile());
        return call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            String clientId = request.clientId() == null || request.clientId().equals(UICustomization.ALL)
                    ? UICustomization.ALL
                    : pool.requireClient(request.clientId()).clientId();
            UICustomization old = pool.uiCustomization(clientId);
            UICustomization set = new UICustomization(clientId, request.css(), request.imageFile(),
                    old == null ? call.now() : old.created(), call.now());
            pool.putUICustomization(set);
            return new SetUICustomizationResponse(UICustomizations.type(set, poolId));
        });
    }
}
