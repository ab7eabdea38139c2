package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UserPoolMfaType;
import dev.cognitoemulator.model.VerifySoftwareTokenRequest;
import dev.cognitoemulator.model.VerifySoftwareTokenResponse;
import dev.cognitoemulator.model.VerifySoftwareTokenResponseType;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.MfaSetupChallenge;

/**
 * A first code of the secret AssociateSoftwareToken gave (RFC 6238, one step of clock skew either side): the secret
 * becomes the user's software token, named {@code FriendlyDeviceName}, and the code's step is used. By access token
 * the token is verified and, in a pool whose MFA is {@code ON}, TOTP MFA turned on (unconfirmed: moto's reading,
 * getmoto/moto#8029); otherwise SetUserMFAPreference turns it on. By the {@code Session} of MFA_SETUP, TOTP MFA is on
 * and the answer's {@code Session} answers MFA_SETUP. A wrong code changes nothing.
 */
public final class VerifySoftwareToken implements Operation<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse> {

    @Override
    public VerifySoftwareTokenResponse execute(VerifySoftwareTokenRequest request, Call call) {
        AssociateSoftwareToken.requireOneOf(request.accessToken(), request.session());
        if (request.session() != null) {
            String session = call.services().signIn().verifySoftwareToken(request.session(), request.userCode(),
                    request.friendlyDeviceName(), call.now());
            return new VerifySoftwareTokenResponse(session, VerifySoftwareTokenResponseType.SUCCESS);
        }
        AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            User user = caller.user();
            String secret = user.mfa().pendingSecret();
            if (secret == null) {
                // Nothing associated (unconfirmed text: the exception the operation declares, identity-js#630's).
                throw new CognitoException(ErrorCode.SoftwareTokenMFANotFoundException,
                        "Software Token MFA does not exist for the user.");
            }
            long step = Totp.matchingStep(secret, request.userCode(), Totp.step(call.now()), Totp.SKEW_STEPS);
            if (step < 0) {
                throw MfaSetupChallenge.codeMismatch();
            }
            MfaSettings verified = user.mfa().verified(secret, request.friendlyDeviceName(), step);
            if (UserPoolMfaType.ON.equals(pool.pool().settings().mfaConfiguration())) {
                verified = verified.with(MfaSettings.SOFTWARE_TOKEN, true);
            }
            pool.put(user.withMfa(verified, call.now()));
            return null;
        });
        return new VerifySoftwareTokenResponse(null, VerifySoftwareTokenResponseType.SUCCESS);
    }
}
