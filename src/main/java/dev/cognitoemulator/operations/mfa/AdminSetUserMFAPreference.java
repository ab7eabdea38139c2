package dev.cognitoemulator.operations.mfa;

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
            pool.put(MfaPreferences.apply(pool.pool(), pool.requireUser(request.username()), call.now(), request.smsMfaSettings(),
                    request.softwareTokenMfaSettings(), request.emailMfaSettings()));
            return null;
        });
        return new AdminSetUserMFAPreferenceResponse();
    }
}
