package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * USER_AUTH, choice-based sign-in ({@code USERNAME}, {@code PREFERRED_CHALLENGE}, {@code SECRET_HASH}, and what the
 * preferred factor needs, such as {@code PASSWORD} or {@code SRP_A}): the first factors the pool allows and the
 * user has ({@link FirstFactor}); the preferred one starts at once, otherwise SELECT_CHALLENGE offers them
 * ({@code AvailableChallenges}, documented: API reference, InitiateAuth AuthParameters). A preferred factor that is
 * not offered is answered with SELECT_CHALLENGE too (unconfirmed).
 */
final class UserAuthFlow implements AuthFlow {

    static final String NAME = "USER_AUTH";
    private static final String ALLOW = "ALLOW_USER_AUTH";

    /** Who a factor signs in: the client, and the user (null: unknown, where the client hides which users exist). */
    record Party(AppClient client, User user) {
    }

    private record Offer(Party party, SignIn.Read read, List<String> available) {
    }

    private final SignIn signIn;
    private final AutoSignIn autoSignIn;

    UserAuthFlow(SignIn signIn) {
        this.signIn = signIn;
        this.autoSignIn = new AutoSignIn(signIn);
    }

    /** With ConfirmSignUp's {@code Session}: the confirmed user signed in at once ({@link AutoSignIn}). */
    @Override
    public AuthResult start(Attempt attempt, String session) {
        return session == null ? start(attempt) : autoSignIn.start(attempt, session);
    }

    @Override
    public AuthResult start(Attempt attempt) {
        attempt.required("USERNAME");
        String preferred = attempt.parameter("PREFERRED_CHALLENGE");
        for (int round = 1; ; round++) {
            Offer offer = signIn.store().read(attempt.poolId(), pool -> {
                Party party = party(pool, attempt, null);
                User user = party.user();
                CognitoException refusal = user == null ? null : PasswordOutcome.statusRefusal(user);
                if (refusal != null) {
                    throw refusal;
                }
                return new Offer(party, user == null ? null : SignIn.read(pool, party.client(), user),
                        signIn.offered(pool, user));
            });
            FirstFactor chosen = preferred == null ? null : signIn.factor(preferred);
            if (chosen != null && offer.available().contains(chosen.name())) {
                return chosen.start(attempt, null);
            }
            User user = offer.party().user();
            AppClient client = offer.party().client();
            AuthSession session = new AuthSession(signIn.random().token(48), client.clientId(),
                    user == null ? null : user.sub(), new SelectChallenge.State(offer.available()),
                    attempt.now().plus(Duration.ofMinutes(client.authSessionValidityMinutes())));
            boolean written = offer.read() == null
                    ? signIn.store().write(attempt.poolId(), pool -> {
                        pool.putSession(session);
                        return true;
                    })
                    : signIn.commit(offer.read(), pool -> pool.putSession(session));
            if (written) {
                return AuthResult.select(session.id(), offer.available());
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /**
     * What every USER_AUTH step checks first, in Cognito's order, under the pool's read lock: {@link #client}, then
     * {@link #user}.
     */
    static Party party(PoolView pool, Attempt attempt, String selectSession) {
        AppClient client = client(pool, attempt);
        return new Party(client, user(pool, client, attempt, selectSession));
    }

    /** The client, its {@code ALLOW_USER_AUTH} and the secret hash. */
    static AppClient client(PoolView pool, Attempt attempt) {
        AppClient client = pool.requireClient(attempt.clientId());
        if (!allowed(client)) {
            // Unconfirmed text, in the words Cognito uses for USER_PASSWORD_AUTH.
            throw new CognitoException(ErrorCode.InvalidParameterException, NAME + " flow not enabled for this client");
        }
        SecretHash.check(client, attempt.parameter("SECRET_HASH"), attempt.required("USERNAME"));
        return client;
    }

    /** Whether the client allows USER_AUTH ({@code ALLOW_USER_AUTH}). */
    static boolean allowed(AppClient client) {
        return client.allows(ALLOW, null);
    }

    /**
     * The user: {@code USERNAME}'s, or the SELECT_CHALLENGE session's ({@code selectSession}, unless null), which
     * {@code USERNAME} must name; null for an unknown user where the client hides which users exist.
     */
    static User user(PoolView pool, AppClient client, Attempt attempt, String selectSession) {
        String username = attempt.required("USERNAME");
        if (selectSession == null) {
            User user = UserLookup.findOrNull(pool, username);
            if (user == null && !client.hidesUserExistence()) {
                throw new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
            }
            return user;
        }
        AuthSession session = SelectChallenge.session(pool, client, selectSession, attempt.now());
        if (session.sub() == null) {
            return null;
        }
        User user = pool.bySub(session.sub());
        if (user == null || UserLookup.findOrNull(pool, username) != user) {
            throw SignIn.invalidSession();
        }
        return user;
    }

    /**
     * The change a factor chosen in SELECT_CHALLENGE writes with what it opens (or with its refusal): the session
     * goes, it is answered once; a second answer finds none. Null when InitiateAuth named the factor.
     */
    static Consumer<PoolWrite> spend(String selectSession) {
        if (selectSession == null) {
            return null;
        }
        return pool -> {
            if (pool.session(selectSession) == null) {
                throw SignIn.invalidSession();
            }
            pool.removeSession(selectSession);
        };
    }
}
