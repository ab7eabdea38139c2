package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.ConfirmSignUpRequest;
import dev.cognitoemulator.model.ConfirmSignUpResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.AutoSignIn;
import dev.cognitoemulator.triggers.Triggers;

/**
 * The user types back the sign-up code: the user becomes CONFIRMED and the attribute the code went to verified
 * ("automatically marks the attribute that was used to confirm ... as verified", documented:
 * signing-up-users-in-your-app.html), taking its alias from another user only with ForceAliasCreation. The code works
 * once, for 24 hours, and not after {@link #MAX_FAILURES} wrong tries. A client that allows USER_AUTH is answered a
 * {@code Session} that signs the user in ({@link AutoSignIn}); a {@code Session} given must be SignUp's for this user.
 * The pool's PostConfirmation trigger runs after the write (PostConfirmation_ConfirmSignUp).
 */
public final class ConfirmSignUp implements Operation<ConfirmSignUpRequest, ConfirmSignUpResponse> {

    /** ConfirmSignUp's quota: 15 per user per hour (documented: limits.html), counted per code here. */
    static final int MAX_FAILURES = 15;

    @Override
    public ConfirmSignUpResponse execute(ConfirmSignUpRequest request, Call call) {
        String poolId = Accounts.poolOf(call, request.clientId());
        Confirmation confirmation = call.write(poolId, pool -> {
            AppClient client = Accounts.client(pool, request.clientId(), request.secretHash(), request.username());
            User user = UserLookup.findOrNull(pool, request.username());
            if (user == null) {
                throw Accounts.unknownUser(client, Accounts.refusal(Accounts.Check.MISMATCH));
            }
            requireUnconfirmed(user);
            if (request.session() != null) {
                AutoSignIn.requireSignedUp(pool, client, user, request.session(), call.now());
            }
            VerificationCode code = pool.code(user.sub(), VerificationCode.SIGN_UP);
            UserPool settings = pool.pool();
            Accounts.Check outcome = Accounts.check(pool, user, VerificationCode.SIGN_UP, request.confirmationCode(),
                    MAX_FAILURES, call);
            if (outcome == Accounts.Check.MATCHED) {
                // The code verifies the value it went to, not one an administrator put in its place since.
                User confirmed = (code.destination().equals(user.attributes().get(code.attribute()))
                        ? user.withAttributes(user.attributes().with(code.attribute() + "_verified", "true"),
                                call.now()) : user).withStatus(UserStatus.CONFIRMED, call.now());
                Accounts.claimAliases(pool, confirmed, Boolean.TRUE.equals(request.forceAliasCreation()), call);
                pool.put(confirmed);
                pool.removeCode(user.sub(), VerificationCode.SIGN_UP);
                if (request.session() != null) {
                    pool.removeSession(request.session());
                }
                AuthSession session = AutoSignIn.confirmed(client, confirmed, call.now(), call.random());
                if (session != null) {
                    pool.putSession(session);
                }
                return new Confirmation(outcome, session == null ? null : session.id(), settings, client,
                        confirmed);
            }
            return new Confirmation(outcome, null, null, null, null);
        });
        if (confirmation.check() != Accounts.Check.MATCHED) {
            throw Accounts.refusal(confirmation.check());
        }
        // After the write: a failing function fails the request, the user stays confirmed (unconfirmed).
        call.services().triggers().postConfirmation(confirmation.pool(), confirmation.client(),
                confirmation.user(), Triggers.POST_CONFIRMATION_CONFIRM_SIGN_UP, request.clientMetadata());
        return ConfirmSignUpResponse.builder().session(confirmation.session()).build();
    }

    /**
     * The code's check, the session that signs the confirmed user in (null for none), and for a match the pool,
     * client and user as confirmed.
     */
    private record Confirmation(Accounts.Check check, String session, UserPool pool, AppClient client, User user) {
    }

    /** Captured: cognito-errors.md section 9 ({@code User cannot be confirmed. Current status is CONFIRMED}). */
    static void requireUnconfirmed(User user) {
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new CognitoException(ErrorCode.NotAuthorizedException,
                    "User cannot be confirmed. Current status is " + user.status().name());
        }
    }
}
