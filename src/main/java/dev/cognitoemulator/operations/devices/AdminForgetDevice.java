package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminForgetDeviceRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Forgets a user's device, by username (alias or sub), as ForgetDevice does. */
public final class AdminForgetDevice implements Operation<AdminForgetDeviceRequest, Void> {

    @Override
    public Void execute(AdminForgetDeviceRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            pool.removeDevice(Devices.require(pool, user, request.deviceKey()).key());
            return null;
        });
    }
}
