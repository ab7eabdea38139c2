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
import dev.cognitoemulator.model.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * MFA_SETUP: MFA is {@code ON} and the user has no method yet; the challenge lists what the pool offers
 * ({@code MFAS_CAN_SETUP}, a JSON array). The user sets up an authenticator inside the challenge:
 * AssociateSoftwareToken with the session gets a secret and a new session, VerifySoftwareToken with that one a first code checked (the
 * token becomes the user's, TOTP MFA on) and the session that answers MFA_SETUP, which signs the user in
 * (documented: API reference, AssociateSoftwareToken, VerifySoftwareToken; the steps as amazon-cognito-identity-js
 * takes them, captured in aws-amplify/amplify-js#6461). Each step spends the session it was given.
 */
public final class MfaSetupChallenge implements ChallengeHandler {

    static final String NAME = "MFA_SETUP";

    /** AssociateSoftwareToken's answer: the secret and the session to verify it with. */
    public record Associated(String secretCode, String session) {
    }

    /**
     * The methods offered, the device the sign-in named (null for none), the secret associated (null until
     * AssociateSoftwareToken) and whether a code of it was verified.
     */
    record State(List<String> methods, String deviceKey, String secret, boolean verified) implements ChallengeState {

        State {
            methods = List.copyOf(methods);
        }

        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Answer(SignIn.Read read, AuthSession session, Device device) {
    }

    private final SignIn signIn;

    MfaSetupChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    static AuthResult open(SignIn signIn, SignIn.Read read, User user, Attempt attempt, List<String> methods,
            String deviceKey, Consumer<PoolWrite> change) {
        AuthSession session = MfaSessions.open(signIn, read, user, new State(methods, deviceKey, null, false),
                attempt.now());
        return SecondFactor.commit(signIn, read, change, session)
                ? AuthResult.challenge(NAME, session.id(), Map.of("MFAS_CAN_SETUP", Json.write(methods))) : null;
    }

    Associated associate(String sessionId, Instant now) {
        String secret = Totp.newSecret(signIn.random());
        String next = inSessionPool(sessionId, pool -> {
            AuthSession session = SignIn.liveSession(pool, null, sessionId, State.class, now);
            MfaSessions.user(pool, session, null);
            State state = (State) session.state();
            return replace(pool, session, new State(state.methods(), state.deviceKey(), secret, false));
        });
        return new Associated(secret, next);
    }

    String verify(String sessionId, String code, String friendlyName, Instant now) {
        return inSessionPool(sessionId, pool -> {
            AuthSession session = SignIn.liveSession(pool, null, sessionId, State.class, now);
            User user = MfaSessions.user(pool, session, null);
            State state = (State) session.state();
            if (state.secret() == null) {
                // Nothing associated in this session (unconfirmed text: the exception the operation declares).
                throw SoftwareTokenChallenge.notFound();
            }
            long step = Totp.matchingStep(state.secret(), code, Totp.step(now), Totp.SKEW_STEPS);
            if (step < 0) {
                throw codeMismatch();
            }
            pool.put(user.withMfa(user.mfa().verified(state.secret(), friendlyName, step)
                    .with(MfaSettings.SOFTWARE_TOKEN, true), now));
            return replace(pool, session, new State(state.methods(), state.deviceKey(), state.secret(), true));
        });
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Answer answer = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                AuthSession session = SignIn.liveSession(pool, client, sessionId, State.class, attempt.now());
                String username = attempt.required("USERNAME");
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = MfaSessions.user(pool, session, username);
                State state = (State) session.state();
                if (!state.verified()) {
                    // The setup isn't done: no verified token in this session (unconfirmed answer).
                    throw SignIn.invalidSession();
                }
                return new Answer(SignIn.read(pool, client, user), session,
                        SignIn.namedDevice(pool, user, state.deviceKey()));
            });
            AuthResult result = SecondFactor.passed(signIn, answer.read(), answer.read().user(), attempt,
                    answer.session(), answer.device());
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /** The session spent, a new one (same client, user and expiry) in its place; its name. */
    private String replace(PoolWrite pool, AuthSession session, State state) {
        AuthSession next = new AuthSession(MfaSessions.poolOf(session.id()) + "." + signIn.random().token(48),
                session.clientId(), session.sub(), state, session.expires());
        pool.removeSession(session.id());
        pool.putSession(next);
        return next.id();
    }

    /** Runs {@code action} in a write of the pool the session names; a session naming no pool is invalid. */
    private <T> T inSessionPool(String sessionId, Function<PoolWrite, T> action) {
        String poolId = MfaSessions.poolOf(sessionId);
        if (poolId == null) {
            throw SignIn.invalidSession();
        }
        try {
            return signIn.store().write(poolId, action);
        } catch (CognitoException e) {
            if (e.code() == ErrorCode.ResourceNotFoundException) {
                throw SignIn.invalidSession();
            }
            throw e;
        }
    }

    /** Captured: aws-samples/aws-amplify-auth-starters#15. */
    public static CognitoException codeMismatch() {
        return new CognitoException(ErrorCode.EnableSoftwareTokenMFAException,
                "Code mismatch and fail enable Software Token MFA");
    }
}
