package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.PoolWrite;
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
import dev.cognitoemulator.model.ForgotPasswordRequest;
import dev.cognitoemulator.model.ForgotPasswordResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;
import dev.cognitoemulator.signin.UserMigration;
import dev.cognitoemulator.triggers.Triggers;
import java.util.Map;

/**
 * A password-reset code, valid one hour, to the user's verified contact that AccountRecoverySetting picks
 * ({@link Accounts#recoveryTarget}); the password keeps working until ConfirmForgotPassword sets a new one, and the
 * user's status does not change (captured*: aws/aws-aspnet-cognito-identity-provider#175). Texts: research
 * self-service.md section 6.
 */
public final class ForgotPassword implements Operation<ForgotPasswordRequest, ForgotPasswordResponse> {

    @Override
    public ForgotPasswordResponse execute(ForgotPasswordRequest request, Call call) {
        String poolId = Accounts.poolOf(call, request.clientId());
        migrate(request, call, poolId);
        Reset reset = call.write(poolId, pool -> {
            AppClient client = Accounts.client(pool, request.clientId(), request.secretHash(), request.username());
            User user = UserLookup.findOrNull(pool, request.username());
            boolean hidden = client.hidesUserExistence();
            if (user == null || (hidden && !user.enabled())) {
                if (hidden) {
                    return new Reset(pool.pool(), client, null, null, null,
                            Accounts.simulated(pool.pool(), request.username()));
                }
                throw Accounts.userNotFound();
            }
            Reset started = start(pool, client, user, call);
            if (ThreatProtection.recording(started.pool())) {
                pool.putAuthEvent(ThreatProtection.event(call.random(), user, "ForgotPassword", "Pass", false,
                        List.of(), call.sourceIp(), call.now()));
            }
            return started;
        });
        if (reset.simulated() != null) {
            return new ForgotPasswordResponse(reset.simulated());
        }
        send(call, reset, request.clientMetadata());
        return new ForgotPasswordResponse(reset.target().details());
    }

    /** A user the pool does not have may come from its UserMigration trigger (UserMigration_ForgotPassword). */
    private static void migrate(ForgotPasswordRequest request, Call call, String poolId) {
        AppClient client = call.read(poolId, pool -> {
            AppClient found = Accounts.client(pool, request.clientId(), request.secretHash(), request.username());
            return UserLookup.findOrNull(pool, request.username()) == null ? found : null;
        });
        if (client != null) {
            UserMigration.migrate(call.store(), call.services().triggers(), call.random(), call.now(),
                    call.store().pool(poolId), client, Triggers.USER_MIGRATION_FORGOT_PASSWORD, request.username(),
                    null, request.clientMetadata());
        }
    }

    /** A reset's code, made in the write; {@code simulated} instead for a user PreventUserExistenceErrors hides. */
    public record Reset(UserPool pool, AppClient client, User user, Accounts.Target target, VerificationCode code,
            CodeDeliveryDetailsType simulated) {
    }

    /**
     * Checks the user may reset and keeps a new code (AdminResetUserPassword too). Captured texts:
     * FORCE_CHANGE_PASSWORD amazon-cognito-identity-js#532; disabled (wrapper docs, fs:11210099921); no verified
     * contact cognito-errors.md section 9.
     */
    public static Reset start(PoolWrite pool, AppClient client, User user, Call call) {
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            throw new CognitoException(ErrorCode.NotAuthorizedException,
                    "User password cannot be reset in the current state.");
        }
        if (!user.enabled()) {
            throw new CognitoException(ErrorCode.NotAuthorizedException, "User is disabled.");
        }
        Accounts.Target target = Accounts.recoveryTarget(pool.pool(), user);
        if (target == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Cannot reset password for the user as "
                    + "there is no registered/verified email or phone_number");
        }
        VerificationCode code = Accounts.newCode(call, user, VerificationCode.FORGOT_PASSWORD, target,
                Accounts.RESET_VALIDITY, null);
        UserPool settings = pool.pool();
        pool.putCode(code);
        return new Reset(settings, client, user, target, code, null);
    }

    public static void send(Call call, Reset reset, Map<String, String> clientMetadata) {
        String code = reset.code().code();
        Accounts.send(call, reset.pool(), reset.user(), reset.client(), reset.target(), "ForgotPassword", code,
                null, Templates.passwordReset(reset.pool().settings(), reset.target().medium(), code),
                clientMetadata);
    }
}
