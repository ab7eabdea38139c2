package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeResult;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Srp;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * PASSWORD_VERIFIER ({@code USERNAME}, {@code PASSWORD_CLAIM_SECRET_BLOCK}, {@code TIMESTAMP},
 * {@code PASSWORD_CLAIM_SIGNATURE}, {@code DEVICE_KEY}): the client proves it derived the session key of
 * USER_SRP_AUTH, which only the password gives. A proof that fails (a wrong password, signature, secret block or
 * timestamp) is a wrong password, as measured against AWS (captured: ministackorg/ministack#1758); then the
 * password's outcome ({@link PasswordOutcome}). The challenge is spent either way; a {@code Session} is not
 * needed (Cognito gives none with this challenge), the secret block names it.
 */
final class PasswordVerifierChallenge implements ChallengeHandler {

    static final String NAME = "PASSWORD_VERIFIER";

    /**
     * The session key of the challenge (null when the exchange failed: no proof meets it) and who proves it; in a
     * CUSTOM_AUTH sign-in that verifies the password first, its challenges so far ({@code custom}; null otherwise).
     */
    record State(byte[] key, String userIdForSrp, List<ChallengeResult> custom) implements ChallengeState {
        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private final SignIn signIn;

    PasswordVerifierChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        String secretBlock = attempt.required("PASSWORD_CLAIM_SECRET_BLOCK");
        return signIn.passwords().complete(attempt, pool -> {
            AppClient client = pool.requireClient(attempt.clientId());
            String username = attempt.required("USERNAME");
            SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
            AuthSession session = verifierSession(pool, client, secretBlock, State.class, attempt.now());
            User user = sessionUser(pool, session, username);
            State state = (State) session.state();
            boolean proven = proves(attempt, state.key(), Ids.poolName(pool.pool().id()), state.userIdForSrp(),
                    secretBlock);
            return new PasswordOutcome.Checked(SignIn.read(pool, client, user), proven,
                    SignIn.namedDevice(pool, user, attempt.parameter("DEVICE_KEY")), state.custom());
        }, pool -> spend(pool, secretBlock));
    }

    /**
     * The live session a verifier challenge's secret block names, of this client and kind; anything else is a wrong
     * password (an unknown, spent, expired or forged secret block).
     */
    static AuthSession verifierSession(PoolView pool, AppClient client, String secretBlock,
            Class<? extends ChallengeState> kind, Instant now) {
        AuthSession session = pool.session(secretBlock);
        if (session == null || !session.clientId().equals(client.clientId()) || !kind.isInstance(session.state())
                || session.expiredAt(now)) {
            throw wrongPassword();
        }
        return session;
    }

    /** The session's user, who {@code USERNAME} must name (by username, alias or sub). */
    static User sessionUser(PoolView pool, AuthSession session, String username) {
        User user = pool.bySub(session.sub());
        if (user == null || UserLookup.findOrNull(pool, username) != user) {
            throw wrongPassword();
        }
        return user;
    }

    /**
     * Whether the answer's {@code PASSWORD_CLAIM_SIGNATURE} is {@code Base64(HMAC-SHA256(key, group || userId ||
     * secretBlock || TIMESTAMP))}, compared in constant time, over a {@code TIMESTAMP} in Cognito's format.
     */
    static boolean proves(Attempt attempt, byte[] key, String group, String userId, String secretBlock) {
        String timestamp = attempt.required("TIMESTAMP");
        String signature = attempt.required("PASSWORD_CLAIM_SIGNATURE");
        if (key == null || !Srp.cognitoTimestamp(timestamp)) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(Srp.signature(key, group, userId,
                Base64.getDecoder().decode(secretBlock), timestamp));
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    /** The challenge is answered once: its session goes, whatever the answer (a second answer finds none). */
    static void spend(PoolWrite pool, String secretBlock) {
        if (pool.session(secretBlock) == null) {
            throw wrongPassword();
        }
        pool.removeSession(secretBlock);
    }

    static CognitoException wrongPassword() {
        return SignIn.notAuthorized(PasswordOutcome.WRONG_PASSWORD);
    }
}
