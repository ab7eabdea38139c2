package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.GetUserPoolMfaConfigRequest;
import dev.cognitoemulator.model.GetUserPoolMfaConfigResponse;
import dev.cognitoemulator.model.SmsMfaConfigType;
import dev.cognitoemulator.model.SoftwareTokenMfaConfigType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The pool's MFA mode and factors: {@code SmsMfaConfiguration} and {@code EmailMfaConfiguration} only when those
 * factors are on, {@code SoftwareTokenMfaConfiguration} always (Enabled true or false), {@code WebAuthnConfiguration}
 * when set (the shape AWS answers with: floci-io/floci#2831, "the shape the live service returns", unconfirmed in
 * detail).
 */
public final class GetUserPoolMfaConfig
        implements Operation<GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse> {

    @Override
    public GetUserPoolMfaConfigResponse execute(GetUserPoolMfaConfigRequest request, Call call) {
        UserPool pool = call.read(request.userPoolId(), view -> view.pool());
        return GetUserPoolMfaConfigResponse.builder().mfaConfiguration(pool.settings().mfaConfiguration())
                .smsMfaConfiguration(sms(pool)).softwareTokenMfaConfiguration(softwareToken(pool))
                .emailMfaConfiguration(pool.factors().emailMfa()).webAuthnConfiguration(pool.factors().webAuthn())
                .build();
    }

    static SmsMfaConfigType sms(UserPool pool) {
        return pool.factors().smsMfa() ? new SmsMfaConfigType(pool.settings().smsAuthenticationMessage(),
                pool.settings().smsConfiguration()) : null;
    }

    static SoftwareTokenMfaConfigType softwareToken(UserPool pool) {
        return new SoftwareTokenMfaConfigType(pool.factors().softwareTokenMfa());
    }
}
