package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.model.SetUserMFAPreferenceRequest;
import dev.cognitoemulator.model.SetUserMFAPreferenceResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The signed-in user's MFA methods and preferred one ({@link MfaPreferences}), by access token. */
public final class SetUserMFAPreference
        implements Operation<SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse> {

    @Override
    public SetUserMFAPreferenceResponse execute(SetUserMFAPreferenceRequest request, Call call) {
        AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            pool.put(MfaPreferences.apply(pool.pool(), caller.user(), call.now(), request.smsMfaSettings(),
                    request.softwareTokenMfaSettings(), request.emailMfaSettings()));
            return null;
        });
        return new SetUserMFAPreferenceResponse();
    }
}
