package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.model.GetDeviceRequest;
import dev.cognitoemulator.model.GetDeviceResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** One of the signed-in user's devices, by access token and device key. */
public final class GetDevice implements Operation<GetDeviceRequest, GetDeviceResponse> {

    @Override
    public GetDeviceResponse execute(GetDeviceRequest request, Call call) {
        return AccessTokens.readCaller(call, request.accessToken(), (pool, caller) -> new GetDeviceResponse(
                Devices.type(Devices.require(pool, caller.user(), request.deviceKey()), caller.user(),
                        pool.pool().id(), call, false)));
    }
}
