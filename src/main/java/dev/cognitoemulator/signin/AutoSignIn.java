package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in straight from sign-up (Amplify's auto sign-in): in a client that allows {@code USER_AUTH}, SignUp answers a
 * {@code Session} that ConfirmSignUp may be given, and ConfirmSignUp answers a new one; InitiateAuth or
 * AdminInitiateAuth with {@code AuthFlow} USER_AUTH, {@code USERNAME} and that {@code Session} signs the confirmed
 * user in, the confirmation code standing for the first factor (documented: API reference, InitiateAuth
 * {@code Session}, ConfirmSignUp and SignUp {@code Session}; that SignUp answers one only where the client allows
 * USER_AUTH, captured: aws/aws-sdk-js-v3#6724). Amplify v6 does not send SignUp's session to ConfirmSignUp and signs
 * in with the one ConfirmSignUp answers (amplify-js confirmSignUp.ts, signInWithUserAuth.ts), so ConfirmSignUp
 * answers one either way.
 *
 * <p>The confirmation's session lives the client's {@code AuthSessionValidity} ("within the authentication flow
 * session duration of the session ID", documented) and signs in once, for that user through that client. The
 * sign-in then takes the path of a right password ({@link PasswordOutcome}): the user's status refusals,
 * PreAuthentication, a remembered device, then the tokens (grant, lockout cleared, the device, PostAuthentication);
 * the session is spent with that write, or with the refusal. MFA, where the user has it, comes after it as after a
 * password (Cognito asks for the MFA code after the auto sign-in: aws-amplify/amplify-swift#4082). A session that names no such sign-in, another client's,
 * or another user's is NotAuthorizedException {@code Invalid session for the user.}, an expired one {@code Invalid
 * session for the user, session is expired.}: Cognito's texts for challenge sessions (see {@link SelectChallenge});
 * that InitiateAuth uses them for this session is unconfirmed.
 */
public final class AutoSignIn {

    /** SignUp's session: the user signed up through the client and waits for the code (no challenge of its own). */
    record SignedUp() implements ChallengeState {
        @Override
        public String challengeName() {
            return "SIGN_UP";
        }
    }

    /** ConfirmSignUp's session: the user confirmed the code and may sign in with it once. */
    record Confirmed() implements ChallengeState {
        @Override
        public String challengeName() {
            return "CONFIRM_SIGN_UP";
        }
    }

    private final SignIn signIn;

    AutoSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * SignUp's session, for a client that allows USER_AUTH (null for another). It lives as long as the sign-up code
     * ({@code expires}; unconfirmed: Cognito documents no lifetime for it).
     */
    public static AuthSession signedUp(AppClient client, User user, Instant expires, Randomness random) {
        if (!UserAuthFlow.allowed(client)) {
            return null;
        }
        return new AuthSession(random.token(48), client.clientId(), user.sub(), new SignedUp(), expires);
    }

    /**
     * The SignUp session ConfirmSignUp was given: this client's, for this user, live; otherwise
     * NotAuthorizedException (unconfirmed: what Cognito answers ConfirmSignUp for a bad session is not captured).
     */
    public static void requireSignedUp(PoolView pool, AppClient client, User user, String sessionId, Instant now) {
        AuthSession session = SignIn.liveSession(pool, client, sessionId, SignedUp.class, now);
        if (!session.sub().equals(user.sub())) {
            throw SignIn.invalidSession();
        }
    }

    /** ConfirmSignUp's session, for a client that allows USER_AUTH (null for another). */
    public static AuthSession confirmed(AppClient client, User user, Instant now, Randomness random) {
        if (!UserAuthFlow.allowed(client)) {
            return null;
        }
        return new AuthSession(random.token(48), client.clientId(), user.sub(), new Confirmed(),
                now.plus(Duration.ofMinutes(client.authSessionValidityMinutes())));
    }

    /** USER_AUTH with ConfirmSignUp's {@code Session}: the user signed in without a password. */
    AuthResult start(Attempt attempt, String sessionId) {
        return signIn.passwords().complete(attempt, pool -> {
            AppClient client = UserAuthFlow.client(pool, attempt);
            AuthSession session = SignIn.liveSession(pool, client, sessionId, Confirmed.class, attempt.now());
            User user = pool.bySub(session.sub());
            if (user == null || UserLookup.findOrNull(pool, attempt.required("USERNAME")) != user) {
                throw SignIn.invalidSession();
            }
            return new PasswordOutcome.Checked(SignIn.read(pool, client, user), true,
                    SignIn.namedDevice(pool, user, attempt.parameter("DEVICE_KEY")));
        }, UserAuthFlow.spend(sessionId));
    }
}
