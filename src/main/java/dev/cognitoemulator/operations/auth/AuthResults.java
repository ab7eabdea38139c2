package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.AuthenticationResultType;
import dev.cognitoemulator.model.NewDeviceMetadataType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.signin.AuthResult;

/** A sign-in step's outcome on the wire: its tokens and announced device as {@code AuthenticationResultType}. */
final class AuthResults {

    private AuthResults() {
    }

    /**
     * The address a sign-in came from, as threat protection and devices record it: the one the request's context
     * data gives (UserContextData, or an admin operation's ContextData: the end user's, relayed by the server), else
     * the caller's.
     */
    static String sourceIp(String contextIp, Call call) {
        return contextIp != null && !contextIp.isBlank() ? contextIp : call.sourceIp();
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
