package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.domain.UICustomization;
import dev.cognitoemulator.model.GetUICustomizationRequest;
import dev.cognitoemulator.model.GetUICustomizationResponse;
import dev.cognitoemulator.model.UICustomizationType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The classic hosted UI customization of an app client, else the pool's (ClientId {@code ALL}); an empty object when
 * neither has one (documented: API reference, GetUICustomization).
 */
public final class GetUICustomization implements Operation<GetUICustomizationRequest, GetUICustomizationResponse> {

    @Override
    public GetUICustomizationResponse execute(GetUICustomizationRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> {
            UICustomization own = request.clientId() == null || request.clientId().equals(UICustomization.ALL)
                    ? null
                    : pool.uiCustomization(pool.requireClient(request.clientId()).clientId());
            UICustomization found = own != null ? own : pool.uiCustomization(UICustomization.ALL);
            return new GetUICustomizationResponse(found == null
                    ? UICustomizationType.builder().build()
                    : UICustomizations.type(found, pool.pool().id()));
        });
    }
}
