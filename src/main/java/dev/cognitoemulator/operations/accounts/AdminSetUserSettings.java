package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.model.AdminSetUserSettingsRequest;
import dev.cognitoemulator.model.AdminSetUserSettingsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** SetUserSettings for an administrator: the user's legacy SMS MFA option. */
public final class AdminSetUserSettings
        implements Operation<AdminSetUserSettingsRequest, AdminSetUserSettingsResponse> {

    @Override
    public AdminSetUserSettingsResponse execute(AdminSetUserSettingsRequest request, Call call) {
        call.updateUser(request.userPoolId(), request.username(),
                user -> SetUserSettings.apply(user, request.mfaOptions(), call.now()));
        return new AdminSetUserSettingsResponse();
    }
}
