package dev.cognitoemulator.domain;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A device a user confirmed (ConfirmDevice) after a sign-in announced it ({@code NewDeviceMetadata}): its key
 * ({@code <region>_<uuid>}) and group key, the SRP salt and verifier its client made from a random password (null
 * when ConfirmDevice gave none: such a device can't sign in by device SRP), and whether it is remembered.
 *
 * @param name the {@code DeviceName} ConfirmDevice gave, or null
 * @param lastIp the address of the last sign-in from the device, or null
 */
public record Device(String key, String sub, String groupKey, String name, BigInteger salt, BigInteger verifier,
        boolean remembered, Instant created, Instant lastModified, Instant lastAuthenticated, String lastIp) {

    /** Whether a sign-in from this device answers DEVICE_SRP_AUTH: it must be remembered and have a verifier. */
    public boolean signsInBySrp() {
        return remembered && verifier != null;
    }

    public Device withRemembered(boolean value, Instant now) {
        return new Device(key, sub, groupKey, name, salt, verifier, value, created, now, lastAuthenticated, lastIp);
    }

    /** A sign-in from the device: Cognito keeps the last one's time (whole seconds) and address. */
    public Device signedIn(Instant now, String ip) {
        return new Device(key, sub, groupKey, name, salt, verifier, remembered, created, lastModified,
                Instant.ofEpochSecond(now.getEpochSecond()), ip == null ? lastIp : ip);
    }

    /** Nothing of the device's secret. */
    @Override
    public String toString() {
        return "Device[" + key + " of " + sub + "]";
    }
}
