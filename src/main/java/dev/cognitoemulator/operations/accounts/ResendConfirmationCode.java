package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.CodeDeliveryDetailsType;
import dev.cognitoemulator.model.ResendConfirmationCodeRequest;
import dev.cognitoemulator.model.ResendConfirmationCodeResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * A new sign-up code, to the same attribute SignUp chose; the previous code stops working. Not throttled seconds
 * apart (captured: floci fixture resend-confirmation.error.rate-limit answered 200).
 */
public final class ResendConfirmationCode
        implements Operation<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> {

    /** What the write made: the code and where it goes, or for a hidden unknown user only the simulated details. */
    private record Sent(UserPool pool, AppClient client, User user, Accounts.Target target, VerificationCode code,
            CodeDeliveryDetailsType simulated) {
    }

    @Override
    public ResendConfirmationCodeResponse execute(ResendConfirmationCodeRequest request, Call call) {
        String poolId = Accounts.poolOf(call, request.clientId());
        Sent sent = call.write(poolId, pool -> {
            AppClient client = Accounts.client(pool, request.clientId(), request.secretHash(), request.username());
            User user = UserLookup.findOrNull(pool, request.username());
            if (user == null) {
                if (client.hidesUserExistence()) {
                    return new Sent(pool.pool(), client, null, null, null,
                            Accounts.simulated(pool.pool(), request.username()));
                }
                throw Accounts.userNotFound();
            }
            if (user.status() != UserStatus.UNCONFIRMED) {
                // Captured (code not shown): aws-amplify/amplify-js#2797.
                throw invalid("User is already confirmed.");
            }
            Accounts.Target target = Accounts.signUpTarget(pool.pool(), user.attributes());
            if (target == null) {
                // Captured*: apps match this text under InvalidParameterException.
                throw invalid("Cannot resend codes. Auto verification not turned on.");
            }
            Accounts.requireLinkDomain(pool.pool(), target);
            VerificationCode code = Accounts.newCode(call, user, VerificationCode.SIGN_UP, target,
                    Accounts.SIGN_UP_VALIDITY, null);
            UserPool settings = pool.pool();
            pool.putCode(code);
            if (ThreatProtection.recording(settings)) {
                pool.putAuthEvent(ThreatProtection.event(call.random(), user, "ResendCode", "Pass", false, List.of(),
                        call.sourceIp(), call.now()));
            }
            return new Sent(settings, client, user, target, code, null);
        });
        if (sent.simulated() != null) {
            return new ResendConfirmationCodeResponse(sent.simulated());
        }
        Accounts.send(call, sent.pool(), sent.user(), sent.client(), sent.target(), "ResendCode",
                sent.code().code(), null, Templates.verification(sent.pool().settings(), sent.target().medium(),
                        sent.code().code(), null), request.clientMetadata());
        return new ResendConfirmationCodeResponse(sent.target().details());
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
