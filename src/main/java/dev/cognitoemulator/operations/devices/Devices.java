package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AttributeType;
import dev.cognitoemulator.model.DeviceRememberedStatusType;
import dev.cognitoemulator.model.DeviceType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Devices on the wire, as the device operations give them (the attributes and dates of AWS's AdminGetDevice and
 * AdminListDevices examples: aws-cli examples/cognito-idp/admin-get-device.rst, API reference AdminListDevices),
 * and the look-ups they share.
 */
final class Devices {

    /** ListDevices and AdminListDevices: {@code Limit} 0 to 60 (the model's range); 60 when none is given. */
    static final Pager.Limits LIST = new Pager.Limits("ListDevices", 60, 60);
    static final Pager.Limits ADMIN_LIST = new Pager.Limits("AdminListDevices", 60, 60);

    private Devices() {
    }

    /**
     * A device as AWS answers it. The admin operations also show the developer-only attributes
     * ({@code dev:device_arn}, {@code dev:device_owner}, {@code dev:device_remembered_status}); a user's own
     * operations (by access token) do not, as GetUser hides {@code dev:} attributes.
     */
    static DeviceType type(Device device, User owner, String poolId, Call call, boolean admin) {
        List<AttributeType> attributes = new ArrayList<>(6);
        attributes.add(new AttributeType("device_status", "valid"));
        if (device.name() != null) {
            attributes.add(new AttributeType("device_name", device.name()));
        }
        if (admin) {
            String ownerName = owner.username() + "." + poolId;
            attributes.add(new AttributeType("dev:device_arn", "arn:aws:cognito-idp:" + Ids.region(poolId) + ":"
                    + call.services().accountId() + ":owner/" + ownerName + "/device/" + device.key()));
            attributes.add(new AttributeType("dev:device_owner", ownerName));
        }
        if (device.lastIp() != null) {
            attributes.add(new AttributeType("last_ip_used", device.lastIp()));
        }
        if (admin) {
            attributes.add(new AttributeType("dev:device_remembered_status", status(device.remembered())));
        }
        return new DeviceType(attributes, device.created(), device.key(), device.lastAuthenticated(),
                device.lastModified());
    }

    /** The user's device of that key: "Device does not exist." otherwise (captured*, as for sign-in). */
    static Device require(PoolView pool, User user, String deviceKey) {
        Device device = pool.device(deviceKey);
        if (device == null || !device.sub().equals(user.sub())) {
            throw new CognitoException(ErrorCode.ResourceNotFoundException, "Device does not exist.");
        }
        return device;
    }

    /**
     * AdminGetDevice and AdminListDevices: the model lists no UserNotFoundException for them, so an unknown user is
     * a resource not found (unconfirmed: AWS's answer is not public).
     */
    static User requireOwner(PoolView pool, String username) {
        try {
            return pool.requireUser(username);
        } catch (CognitoException e) {
            throw new CognitoException(ErrorCode.ResourceNotFoundException, e.getMessage());
        }
    }

    /** The device with the status asked for; a status left out leaves it (the model makes it optional). */
    static Device withStatus(Device device, String status, Instant now) {
        return device.withRemembered(status == null ? device.remembered()
                : DeviceRememberedStatusType.REMEMBERED.equals(status), now);
    }

    static String status(boolean remembered) {
        return remembered ? DeviceRememberedStatusType.REMEMBERED : DeviceRememberedStatusType.NOT_REMEMBERED;
    }
}
