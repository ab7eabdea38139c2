package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import dev.cognitoemulator.triggers.PreTokenGeneration;

/**
 * NEW_PASSWORD_REQUIRED: a user with a temporary password chooses a new one, and supplies any required attribute
 * still missing ({@code userAttributes.<name>}); the user is then CONFIRMED and signed in, or asked for MFA
 * ({@link SecondFactor}).
 */
final class NewPasswordChallenge implements ChallengeHandler {

    static final String NAME = "NEW_PASSWORD_REQUIRED";
    private static final String ATTRIBUTE = "userAttributes.";

    /** The session waits for the new password; who and which client are the session's own. */
    record State() implements ChallengeState {
        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Answer(SignIn.Read read, AuthSession session, Attributes attributes) {
    }

    private final SignIn signIn;

    NewPasswordChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The challenge a password sign-in with a temporary password answers: the user's attributes and the required
     * ones still missing; null when the user changed meanwhile (the sign-in starts over). {@code spend} is written
     * with the session (null for nothing).
     */
    static AuthResult open(SignIn signIn, SignIn.Read read, Attempt attempt, Consumer<PoolWrite> spend) {
        User user = read.user();
        AuthSession session = new AuthSession(signIn.random().token(48), read.client().clientId(), user.sub(),
                new State(), attempt.now().plus(Duration.ofMinutes(read.client().authSessionValidityMinutes())));
        if (!signIn.commit(read, pool -> {
            if (spend != null) {
                spend.accept(pool);
            }
            pool.putSession(session);
        })) {
            return null;
        }
        Map<String, String> shown = user.attributes().asMap();
        shown.remove("sub");
        List<String> required = new ArrayList<>();
        for (String name : missingRequired(read, user, Map.of())) {
            required.add(ATTRIBUTE + name);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USER_ID_FOR_SRP", user.username());
        parameters.put("requiredAttributes", Json.write(required));
        parameters.put("userAttributes", Json.write(shown));
        return AuthResult.challenge(NAME, session.id(), parameters);
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Answer answer = signIn.store().read(attempt.poolId(), pool -> check(pool, attempt, sessionId));
            SignIn.Read read = answer.read();
            User user = read.user();
            // SRP's verifier costs a 3072-bit exponentiation: made before the write, outside the lock.
            Credentials credentials = Credentials.of(read.pool().id(), user.username(),
                    attempt.required("NEW_PASSWORD"), signIn.random());
            User confirmed = user.withAttributes(answer.attributes(), attempt.now())
                    .withCredentials(credentials, UserStatus.CONFIRMED, attempt.now());
            Consumer<PoolWrite> confirm = pool -> {
                if (pool.session(sessionId) != answer.session()) {
                    throw SignIn.invalidSession();
                }
                UserLookup.AliasConflict conflict = UserLookup.aliasConflict(pool, confirmed);
                if (conflict != null) {
                    throw new CognitoException(ErrorCode.AliasExistsException, conflict.message());
                }
                pool.put(confirmed);
                pool.removeSession(sessionId);
            };
            SecondFactor.Need mfa = SecondFactor.need(read.pool(), confirmed);
            if (mfa != null) {
                AuthResult challenge = SecondFactor.open(signIn, read, confirmed, attempt, mfa, confirm);
                if (challenge != null) {
                    return challenge;
                }
                SignIn.changedMeanwhile(round);
                continue;
            }
            SignIn.Read signedIn = new SignIn.Read(read.pool(), read.client(), confirmed, read.groups());
            SignIn.Success success = signIn.success(signedIn, attempt, null);
            boolean committed = signIn.commit(read, pool -> {
                confirm.accept(pool);
                success.write(pool);
            });
            if (committed) {
                return signIn.finish(success, attempt, PreTokenGeneration.Source.NewPasswordChallenge);
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /** Everything Cognito checks of the answer, in its order, under the read lock. */
    private static Answer check(PoolView pool, Attempt attempt, String sessionId) {
        AppClient client = pool.requireClient(attempt.clientId());
        AuthSession session = sessionId == null ? null : pool.session(sessionId);
        if (session == null || !session.clientId().equals(client.clientId())
                || !(session.state() instanceof State) || session.expiredAt(attempt.now())) {
            throw SignIn.invalidSession();
        }
        String username = attempt.required("USERNAME");
        String newPassword = attempt.required("NEW_PASSWORD");
        SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
        User user = pool.bySub(session.sub());
        if (user == null || UserLookup.findOrNull(pool, username) != user) {
            throw SignIn.invalidSession();
        }
        Map<String, String> changes = new LinkedHashMap<>();
        attempt.parameters().forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE)) {
                changes.put(name.substring(ATTRIBUTE.length()), value);
            }
        });
        SignIn.Read read = SignIn.read(pool, client, user);
        List<String> missing = missingRequired(read, user, changes);
        if (!missing.isEmpty()) {
            // Captured: aws/aws-sdk-js#1290 ("Invalid attributes given, name is missing").
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Invalid attributes given, " + String.join(", ", missing) + " is missing");
        }
        Passwords.check(pool.pool().settings().passwordPolicy(), newPassword, Passwords.USER_PREFIX);
        return new Answer(read, session, AttributeRules.update(pool.pool(), user.attributes(), changes));
    }

    private static List<String> missingRequired(SignIn.Read read, User user, Map<String, String> changes) {
        List<String> missing = new ArrayList<>();
        for (SchemaAttribute a : read.pool().schema()) {
            if (a.required() && !user.attributes().has(a.name()) && !changes.containsKey(a.name())) {
                missing.add(a.name());
            }
        }
        return missing;
    }
}
