package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.Device;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** A pool's confirmed devices: by device key, and each user's in key order (for stable pages). */
final class DeviceTable {

    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, TreeMap<String, Device>> bySub = new HashMap<>();

    Device get(String key) {
        return devices.get(key);
    }

    Iterator<Device> ofUser(String sub, String afterKey) {
        TreeMap<String, Device> own = bySub.get(sub);
        if (own == null) {
            return Collections.emptyIterator();
        }
        return (afterKey == null ? own : own.tailMap(afterKey, false)).values().iterator();
    }

    void put(Device device) {
        Device old = devices.put(device.key(), device);
        if (old != null && !old.sub().equals(device.sub())) {
            removeFromUser(old);
        }
        bySub.computeIfAbsent(device.sub(), s -> new TreeMap<>()).put(device.key(), device);
    }

    void remove(String key) {
        Device old = devices.remove(key);
        if (old != null) {
            removeFromUser(old);
        }
    }

    /** A deleted user's devices go with it. */
    void removeAll(String sub) {
        TreeMap<String, Device> own = bySub.remove(sub);
        if (own != null) {
            own.keySet().forEach(devices::remove);
        }
    }

    private void removeFromUser(Device device) {
        TreeMap<String, Device> own = bySub.get(device.sub());
        if (own != null && own.remove(device.key()) != null && own.isEmpty()) {
            bySub.remove(device.sub());
        }
    }
}
