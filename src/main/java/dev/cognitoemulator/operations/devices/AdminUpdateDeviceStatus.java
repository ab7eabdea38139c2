package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminUpdateDeviceStatusRequest;
import dev.cognitoemulator.model.AdminUpdateDeviceStatusResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Marks a user's device remembered or not remembered, by username (alias or sub). */
public final class AdminUpdateDeviceStatus
        implements Operation<AdminUpdateDeviceStatusRequest, AdminUpdateDeviceStatusResponse> {

    @Override
    public AdminUpdateDeviceStatusResponse execute(AdminUpdateDeviceStatusRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            pool.putDevice(Devices.withStatus(Devices.require(pool, user, request.deviceKey()),
                    request.deviceRememberedStatus(), call.now()));
            return new AdminUpdateDeviceStatusResponse();
        });
    }
}
