package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.model.DeviceType;
import dev.cognitoemulator.model.ListDevicesRequest;
import dev.cognitoemulator.model.ListDevicesResponse;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The signed-in user's devices, by access token, a page at a time in a stable order (by device key). */
public final class ListDevices implements Operation<ListDevicesRequest, ListDevicesResponse> {

    @Override
    public ListDevicesResponse execute(ListDevicesRequest request, Call call) {
        Pager.Page<DeviceType> page = AccessTokens.readCaller(call, request.accessToken(), (pool, caller) ->
                Pager.page(call, Devices.LIST, request.limit(), request.paginationToken(),
                        pool.pool().id() + "\n" + caller.user().sub(),
                        after -> pool.devicesAfter(caller.user().sub(), after), Device::key,
                        device -> Devices.type(device, caller.user(), pool.pool().id(), call, false)));
        return new ListDevicesResponse(page.items(), page.nextToken());
    }
}
