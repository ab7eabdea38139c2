package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.model.AdminSetUserMFAPreferenceRequest;
import dev.cognitoemulator.model.AdminSetUserMFAPreferenceResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** SetUserMFAPreference for an administrator: a user found by username, alias or sub. */
public final class AdminSetUserMFAPreference
        implements Operation<AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreferenceResponse> {

    @Override
    public AdminSetUserMFAPreferenceResponse execute(AdminSetUserMFAPreferenceRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            var sms = request.smsMfaSettings();
            var totp = request.softwareTokenMfaSettings();
            var email = request.emailMfaSettings();
            pool.put(MfaPreferences.apply(pool.pool(), pool.requireUser(request.username()), call.now(),
                    new MfaPreferences.Setting(MfaSettings.SMS, sms == null ? null : sms.enabled(),
                            sms == null ? null : sms.preferredMfa()),
                    new MfaPreferences.Setting(MfaSettings.SOFTWARE_TOKEN, totp == null ? null : totp.enabled(),
                            totp == null ? null : totp.preferredMfa()),
                    new MfaPreferences.Setting(MfaSettings.EMAIL, email == null ? null : email.enabled(),
                            email == null ? null : email.preferredMfa())));
            return null;
        });
        return new AdminSetUserMFAPreferenceResponse();
    }
}
