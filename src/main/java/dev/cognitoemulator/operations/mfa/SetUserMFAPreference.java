package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.domain.MfaSettings;
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
            var sms = request.smsMfaSettings();
            var totp = request.softwareTokenMfaSettings();
            var email = request.emailMfaSettings();
            pool.put(MfaPreferences.apply(pool.pool(), caller.user(), call.now(),
                    new MfaPreferences.Setting(MfaSettings.SMS, sms == null ? null : sms.enabled(),
                            sms == null ? null : sms.preferredMfa()),
                    new MfaPreferences.Setting(MfaSettings.SOFTWARE_TOKEN, totp == null ? null : totp.enabled(),
                            totp == null ? null : totp.preferredMfa()),
                    new MfaPreferences.Setting(MfaSettings.EMAIL, email == null ? null : email.enabled(),
                            email == null ? null : email.preferredMfa())));
            return null;
        });
        return new SetUserMFAPreferenceResponse();
    }
}
