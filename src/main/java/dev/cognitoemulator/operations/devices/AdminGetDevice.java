package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminGetDeviceRequest;
import dev.cognitoemulator.model.AdminGetDeviceResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A user's device, by username (alias or sub) and device key, with its developer-only attributes. */
public final class AdminGetDevice implements Operation<AdminGetDeviceRequest, AdminGetDeviceResponse> {

    @Override
    public AdminGetDeviceResponse execute(AdminGetDeviceRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> {
            User user = Devices.requireOwner(pool, request.username());
            return new AdminGetDeviceResponse(Devices.type(Devices.require(pool, user, request.deviceKey()), user,
                    pool.pool().id(), call, true));
        });
    }
}
