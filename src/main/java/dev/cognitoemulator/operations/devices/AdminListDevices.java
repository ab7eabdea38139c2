package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminListDevicesRequest;
import dev.cognitoemulator.model.AdminListDevicesResponse;
import dev.cognitoemulator.model.DeviceType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A user's devices, by username (alias or sub), a page at a time in a stable order (by device key). */
public final class AdminListDevices implements Operation<AdminListDevicesRequest, AdminListDevicesResponse> {

    @Override
    public AdminListDevicesResponse execute(AdminListDevicesRequest request, Call call) {
        Pager.Page<DeviceType> page = call.read(request.userPoolId(), pool -> {
            User user = Devices.requireOwner(pool, request.username());
            return Pager.page(call, Devices.ADMIN_LIST, request.limit(), request.paginationToken(),
                    pool.pool().id() + "\n" + user.sub(), after -> pool.devicesAfter(user.sub(), after), Device::key,
                    device -> Devices.type(device, user, pool.pool().id(), call, true));
        });
        return new AdminListDevicesResponse(page.items(), page.nextToken());
    }
}
