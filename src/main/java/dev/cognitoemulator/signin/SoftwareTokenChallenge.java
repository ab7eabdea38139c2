package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SOFTWARE_TOKEN_MFA ({@code SOFTWARE_TOKEN_MFA_CODE}): a code of the user's verified authenticator, RFC 6238 at
 * the emulator's clock, one 30-second step either side accepted ({@link Totp#SKEW_STEPS}). A code is good once: a
 * step at or before the last one accepted is refused as used.
 */
final class SoftwareTokenChallenge implements ChallengeHandler {

    static final String NAME = MfaSettings.SOFTWARE_TOKEN;

    /** The session waits for a code; the device the sign-in named (null for none); the wrong codes so far. */
    record State(String deviceKey, int failures) implements ChallengeState {
        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Answer(SignIn.Read read, AuthSession session, State state, Device device) {
    }

    private final SignIn signIn;

    SoftwareTokenChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    static AuthResult open(SignIn signIn, SignIn.Read read, User user, Attempt attempt, String deviceKey,
            Consumer<PoolWrite> change) {
        AuthSession session = MfaSessions.open(signIn, read, user, new State(deviceKey, 0), attempt.now());
        return SecondFactor.commit(signIn, read, change, session)
                ? AuthResult.challenge(NAME, session.id(), Map.of()) : null;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Answer answer = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                AuthSession session = SignIn.liveSession(pool, client, sessionId, State.class, attempt.now());
                String username = attempt.required("USERNAME");
                attempt.required("SOFTWARE_TOKEN_MFA_CODE");
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = MfaSessions.user(pool, session, username);
                if (user.mfa().token() == null) {
                    throw notFound();
                }
                State state = (State) session.state();
                return new Answer(SignIn.read(pool, client, user), session, state,
                        SignIn.namedDevice(pool, user, state.deviceKey()));
            });
            User user = answer.read().user();
            MfaSettings.SoftwareToken token = user.mfa().token();
            long step = Totp.matchingStep(token.secret(), attempt.parameter("SOFTWARE_TOKEN_MFA_CODE"),
                    Totp.step(attempt.now()), Totp.SKEW_STEPS);
            if (step < 0 || step <= token.lastStep()) {
                State state = answer.state();
                throw SecondFactor.refuse(signIn, attempt.poolId(), answer.session(),
                        new State(state.deviceKey(), state.failures() + 1), state.failures() + 1,
                        step < 0 ? SecondFactor.codeMismatch() : used());
            }
            User signedIn = user.withMfa(user.mfa().tokenUsed(step), user.lastModified());
            AuthResult result = SecondFactor.passed(signIn, answer.read(), signedIn, attempt, answer.session(),
                    answer.device());
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /** Captured*: the text of moto's AWS-verified test (cognito-errors.md section 8). */
    static CognitoException used() {
        return new CognitoException(ErrorCode.ExpiredCodeException, "Your software token has already been used once.");
    }

    /** Captured: amazon-archives/amazon-cognito-identity-js#630. */
    static CognitoException notFound() {
        return new CognitoException(ErrorCode.SoftwareTokenMFANotFoundException,
                "Software Token MFA does not exist for the user.");
    }
}
