package dev.cognitoemulator.operations.devices;

import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.ConfirmDeviceRequest;
import dev.cognitoemulator.model.ConfirmDeviceResponse;
import dev.cognitoemulator.model.DeviceSecretVerifierConfigType;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;

/**
 * Confirms the device a sign-in announced ({@code NewDeviceMetadata}), with the access token of that sign-in: the
 * device's SRP salt and verifier (Base64 of their big-endian bytes, as the client libraries send them) and its name
 * are kept. Where the pool remembers devices only on the user's word ({@code DeviceOnlyRememberedOnUserPrompt}), the
 * device starts not remembered and the answer says {@code UserConfirmationNecessary}; otherwise it is remembered.
 */
public final class ConfirmDevice implements Operation<ConfirmDeviceRequest, ConfirmDeviceResponse> {

    @Override
    public ConfirmDeviceResponse execute(ConfirmDeviceRequest request, Call call) {
        DeviceSecretVerifierConfigType config = request.deviceSecretVerifierConfig();
        BigInteger salt = config == null ? null : number(config.salt());
        BigInteger verifier = config == null ? null : number(config.passwordVerifier());
        if ((salt == null) != (verifier == null)) {
            throw invalidVerifier();
        }
        return AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            RefreshGrant grant = caller.grant();
            if (!request.deviceKey().equals(grant.deviceKey())) {
                throw notFound();
            }
            if (pool.device(request.deviceKey()) != null) {
                // Unconfirmed text; the model's error for a device key confirmed before.
                throw new CognitoException(ErrorCode.DeviceKeyExistsException, "Device key already exists.");
            }
            if (grant.deviceGroupKey() == null) {
                // A sign-in from a known device, which has been forgotten since.
                throw notFound();
            }
            boolean prompt = pool.pool().settings().devicesRememberedOnPromptOnly();
            Instant now = call.now();
            pool.putDevice(new Device(grant.deviceKey(), caller.user().sub(), grant.deviceGroupKey(),
                    request.deviceName(), salt, verifier, !prompt, now, now,
                    Instant.ofEpochSecond(grant.authTime().getEpochSecond()), call.sourceIp()));
            return new ConfirmDeviceResponse(prompt);
        });
    }

    /** The token's sign-in announced no such device (the text of a device not found, captured*). */
    private static CognitoException notFound() {
        return new CognitoException(ErrorCode.ResourceNotFoundException, "Device does not exist.");
    }

    /** A positive number from the Base64 of its bytes; the salt and verifier both come so. */
    private static BigInteger number(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length > 0) {
                return new BigInteger(1, bytes);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw invalidVerifier();
    }

    /** Unconfirmed text. */
    private static CognitoException invalidVerifier() {
        return new CognitoException(ErrorCode.InvalidParameterException,
                "DeviceSecretVerifierConfig needs a PasswordVerifier and a Salt, in Base64.");
    }
}
