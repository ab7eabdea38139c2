package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.model.UpdateDeviceStatusRequest;
import dev.cognitoemulator.model.UpdateDeviceStatusResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Marks one of the signed-in user's devices remembered (it then signs in by device SRP) or not remembered. */
public final class UpdateDeviceStatus implements Operation<UpdateDeviceStatusRequest, UpdateDeviceStatusResponse> {

    @Override
    public UpdateDeviceStatusResponse execute(UpdateDeviceStatusRequest request, Call call) {
        return AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            pool.putDevice(Devices.withStatus(Devices.require(pool, caller.user(), request.deviceKey()),
                    request.deviceRememberedStatus(), call.now()));
            return new UpdateDeviceStatusResponse();
        });
    }
}
