package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AssociateSoftwareTokenRequest;
import dev.cognitoemulator.model.AssociateSoftwareTokenResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.MfaSetupChallenge;

/**
 * A new TOTP secret ({@code SecretCode}, Base32) for the user, waiting for VerifySoftwareToken; by access token (the
 * user's token, if any, works until the new one is verified), or by the {@code Session} of an MFA_SETUP challenge
 * (then it answers a new {@code Session} as well). One of the two, not both (documented: API reference).
 */
public final class AssociateSoftwareToken
        implements Operation<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse> {

    @Override
    public AssociateSoftwareTokenResponse execute(AssociateSoftwareTokenRequest request, Call call) {
        requireOneOf(request.accessToken(), request.session());
        if (request.session() != null) {
            MfaSetupChallenge.Associated associated = call.services().signIn()
                    .associateSoftwareToken(request.session(), call.now());
            return new AssociateSoftwareTokenResponse(associated.secretCode(), associated.session());
        }
        String secret = Totp.newSecret(call.random());
        AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            pool.put(caller.user().withMfa(caller.user().mfa().associating(secret), call.now()));
            return null;
        });
        return new AssociateSoftwareTokenResponse(secret, null);
    }

    /** The texts are unconfirmed (AWS documents the rule only). */
    static void requireOneOf(String accessToken, String session) {
        if (accessToken == null && session == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Either AccessToken or Session is required.");
        }
        if (accessToken != null && session != null) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Only one of AccessToken or Session can be given.");
        }
    }
}
