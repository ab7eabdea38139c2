package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.model.ForgetDeviceRequest;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Forgets one of the signed-in user's devices: it signs in by device SRP no more, and the refresh tokens of its
 * sign-ins are refused from then on (AWS's blog "Tracking and remembering devices using Amazon Cognito").
 */
public final class ForgetDevice implements Operation<ForgetDeviceRequest, Void> {

    @Override
    public Void execute(ForgetDeviceRequest request, Call call) {
        return AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            pool.removeDevice(Devices.require(pool, caller.user(), request.deviceKey()).key());
            return null;
        });
    }
}
