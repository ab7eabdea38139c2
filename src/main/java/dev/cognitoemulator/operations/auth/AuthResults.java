package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.AuthenticationResultType;
import dev.cognitoemulator.model.NewDeviceMetadataType;
import dev.cognitoemulator.signin.AuthResult;

/** A sign-in step's outcome on the wire: its tokens and announced device as {@code AuthenticationResultType}. */
final class AuthResults {

    private AuthResults() {
    }

    static AuthenticationResultType tokens(AuthResult result) {
        AuthResult.Tokens t = result.tokens();
        if (t == null) {
            return null;
        }
        AuthResult.NewDevice device = t.newDevice();
        return AuthenticationResultType.builder().accessToken(t.accessToken())
                .expiresIn(t.expiresIn()).tokenType(t.tokenType()).refreshToken(t.refreshToken()).idToken(t.idToken())
                .newDeviceMetadata(device == null ? null : new NewDeviceMetadataType(device.deviceGroupKey(),
                        device.deviceKey()))
                .build();
    }
}
