package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import java.time.Duration;
import java.time.Instant;

/**
 * The sessions of the challenges after a first factor (MFA, one-time codes): named {@code <pool id>.<random>}, so that
 * AssociateSoftwareToken and VerifySoftwareToken, which name only the session, find its pool; they live the client's
 * AuthSessionValidity. An unknown, spent or foreign session is "Invalid session for the user." (captured:
 * aws-amplify/amplify-js#10959), an expired one "Invalid session for the user, session is expired." (unconfirmed).
 */
final class MfaSessions {

    private static final char SEPARATOR = '.';

    private MfaSessions() {
    }

    static AuthSession open(SignIn signIn, SignIn.Read read, User user, ChallengeState state, Instant now) {
        return open(signIn, read, user.sub(), state, now);
    }

    /** A session of the user with this sub, or of no user (null: a custom sign-in of a name no user has). */
    static AuthSession open(SignIn signIn, SignIn.Read read, String sub, ChallengeState state, Instant now) {
        return new AuthSession(read.pool().id() + SEPARATOR + signIn.random().token(48), read.client().clientId(),
                sub, state, now.plus(Duration.ofMinutes(read.client().authSessionValidityMinutes())));
    }

    /** The pool a session names; null when it names none. */
    static String poolOf(String sessionId) {
        int separator = sessionId == null ? -1 : sessionId.indexOf(SEPARATOR);
        return separator <= 0 ? null : sessionId.substring(0, separator);
    }

    /**
     * The session's user, whom the answer's {@code USERNAME} must name (by username, alias or sub; null: any); a user
     * disabled meanwhile is "User is disabled." (as at the password).
     */
    static User user(PoolView pool, AuthSession session, String username) {
        User user = pool.bySub(session.sub());
        if (user == null || (username != null && UserLookup.findOrNull(pool, username) != user)) {
            throw SignIn.invalidSession();
        }
        if (!user.enabled()) {
            throw SignIn.notAuthorized("User is disabled.");
        }
        return user;
    }
}
