package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeResult;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.triggers.AuthChallenges;
import dev.cognitoemulator.triggers.Lambdas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * CUSTOM_CHALLENGE ({@code USERNAME}, {@code ANSWER}, {@code SECRET_HASH}) and the loop of a custom sign-in
 * (documented: developer guide, "Custom authentication challenge Lambda triggers"). DefineAuthChallenge, given the
 * {@code session} array of the challenges so far, fails the sign-in ("Incorrect username or password.", captured:
 * aws-amplify/amplify-js#10320's CloudTrail record), issues the tokens, or names the next challenge:
 * {@code CUSTOM_CHALLENGE}, whose CreateAuthChallenge gives the parameters the client sees (with {@code USERNAME}) and
 * those VerifyAuthChallengeResponse checks the {@code ANSWER} against, kept in the session's state; or, right after
 * {@code SRP_A}, {@code PASSWORD_VERIFIER}, the SRP exchange of USER_SRP_AUTH, whose verified password comes back here
 * ({@link #passwordVerified}). Every answer spends its session and the next challenge has a new one (captured:
 * aws-amplify/amplify-js#5834, a wrong answer's session is no longer valid), living the client's AuthSessionValidity.
 * A user who does not exist, where the client hides which users exist, goes through the same loop with
 * {@code userNotFound} true and never gets tokens.
 */
final class CustomChallenge implements ChallengeHandler {

    static final String NAME = "CUSTOM_CHALLENGE";
    /**
     * Challenges one custom sign-in may take; past them it fails as DefineAuthChallenge failing it would. AWS
     * documents no number (unconfirmed); the bound keeps a session's state small.
     */
    static final int MAX_CHALLENGES = 16;

    /**
     * The session waits for the answer to a custom challenge: who (the name, for a user who does not exist; the
     * session's sub names a user who does), the challenges before this one, what CreateAuthChallenge kept for
     * VerifyAuthChallengeResponse and its name for the challenge.
     */
    record State(String userName, List<ChallengeResult> session, Map<String, String> privateParameters,
            String metadata) implements ChallengeState {

        State {
            session = List.copyOf(session);
            privateParameters = Map.copyOf(privateParameters);
        }

        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Answer(AuthChallenges.Party party, AuthSession session, State state) {
    }

    private final SignIn signIn;

    CustomChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        Answer answer = signIn.store().read(attempt.poolId(), pool -> {
            AppClient client = pool.requireClient(attempt.clientId());
            AuthSession session = SignIn.liveSession(pool, client, sessionId, State.class, attempt.now());
            String username = attempt.required("USERNAME");
            attempt.required("ANSWER");
            SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
            State state = (State) session.state();
            if (session.sub() == null) {
                if (!state.userName().equals(username)) {
                    throw SignIn.invalidSession();
                }
                return new Answer(new AuthChallenges.Party(pool.pool(), client, null, username), session, state);
            }
            User user = MfaSessions.user(pool, session, username);
            return new Answer(new AuthChallenges.Party(pool.pool(), client, user, user.username()), session, state);
        });
        State state = answer.state();
        boolean correct = signIn.authChallenges().verify(answer.party(), state.privateParameters(),
                attempt.parameter("ANSWER"), attempt.clientMetadata());
        List<ChallengeResult> session = new ArrayList<>(state.session());
        session.add(new ChallengeResult(NAME, correct, state.metadata()));
        return next(signIn, answer.party(), attempt, session, pool -> spend(pool, answer.session()));
    }

    /**
     * The custom password verification's outcome: a right password (a wrong one was refused before) is
     * {@code PASSWORD_VERIFIER} met, and DefineAuthChallenge decides what comes.
     */
    static AuthResult passwordVerified(SignIn signIn, SignIn.Read read, Attempt attempt,
            List<ChallengeResult> session, Consumer<PoolWrite> spend) {
        List<ChallengeResult> verified = new ArrayList<>(session);
        verified.add(new ChallengeResult(PasswordVerifierChallenge.NAME, true, null));
        return next(signIn, new AuthChallenges.Party(read.pool(), read.client(), read.user(),
                read.user().username()), attempt, verified, spend);
    }

    /**
     * Asks DefineAuthChallenge what follows {@code session} and does it, with {@code spend} (the answered
     * session's end; null at the start) written whatever comes.
     */
    static AuthResult next(SignIn signIn, AuthChallenges.Party party, Attempt attempt, List<ChallengeResult> session,
            Consumer<PoolWrite> spend) {
        AuthChallenges.Definition definition = signIn.authChallenges().define(party, session, attempt.clientMetadata());
        if (definition.failAuthentication() || (definition.issueTokens() && party.user() == null)) {
            throw fail(signIn, attempt, spend);
        }
        if (definition.issueTokens()) {
            return tokens(signIn, party, attempt, spend);
        }
        if (NAME.equals(definition.challengeName())) {
            if (session.size() >= MAX_CHALLENGES) {
                throw fail(signIn, attempt, spend);
            }
            return challenge(signIn, party, attempt, session, spend);
        }
        if (PasswordVerifierChallenge.NAME.equals(definition.challengeName()) && session.size() == 1
                && CustomAuthFlow.SRP_A.equals(session.get(0).challengeName())) {
            String username = party.userName();
            return SrpFlow.exchange(signIn, attempt, pool -> pool.requireClient(attempt.clientId()),
                    (pool, client) -> UserLookup.findOrNull(pool, username), spend, session);
        }
        // Neither tokens, nor an end, nor a challenge the flow can give (a built-in one out of its place, SMS_MFA,
        // none at all): unconfirmed, answered as output Cognito cannot use.
        throw fail(signIn, attempt, spend, Lambdas.unrecognizable());
    }

    /** CreateAuthChallenge, then the challenge's session (the answered one spent in the same write). */
    private static AuthResult challenge(SignIn signIn, AuthChallenges.Party party, Attempt attempt,
            List<ChallengeResult> session, Consumer<PoolWrite> spend) {
        AuthChallenges.Challenge created = signIn.authChallenges().create(party, NAME, session,
                attempt.clientMetadata());
        SignIn.Read read = new SignIn.Read(party.pool(), party.client(), party.user(), List.of());
        AuthSession next = MfaSessions.open(signIn, read, party.user() == null ? null : party.user().sub(),
                new State(party.userName(), session, created.privateParameters(), created.metadata()),
                attempt.now());
        signIn.store().write(attempt.poolId(), pool -> {
            if (spend != null) {
                spend.accept(pool);
            }
            pool.putSession(next);
            return null;
        });
        // Cognito's answers list the parameters alphabetically, USERNAME among them.
        Map<String, String> parameters = new TreeMap<>(created.publicParameters());
        parameters.put("USERNAME", party.userName());
        return AuthResult.challenge(NAME, next.id(), parameters);
    }

    /** The tokens, for the user as it is now (read again should it have changed while the triggers ran). */
    private static AuthResult tokens(SignIn signIn, AuthChallenges.Party party, Attempt attempt,
            Consumer<PoolWrite> spend) {
        String sub = party.user().sub();
        for (int round = 1; ; round++) {
            SignIn.Read read = signIn.store().read(attempt.poolId(), pool -> {
                User user = pool.bySub(sub);
                AppClient client = pool.requireClient(attempt.clientId());
                if (user == null) {
                    throw SignIn.invalidSession();
                }
                if (!user.enabled()) {
                    throw SignIn.notAuthorized("User is disabled.");
                }
                return SignIn.read(pool, client, user);
            });
            AuthResult result = signIn.signedIn(read, attempt, null, spend);
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /** The sign-in ends: the answered session spent, then "Incorrect username or password.". */
    private static CognitoException fail(SignIn signIn, Attempt attempt, Consumer<PoolWrite> spend) {
        return fail(signIn, attempt, spend, SignIn.notAuthorized(PasswordOutcome.WRONG_PASSWORD));
    }

    private static CognitoException fail(SignIn signIn, Attempt attempt, Consumer<PoolWrite> spend,
            CognitoException refusal) {
        if (spend != null) {
            signIn.store().write(attempt.poolId(), pool -> {
                spend.accept(pool);
                return null;
            });
        }
        return refusal;
    }

    /** The answered session goes: a second answer to it finds none. */
    private static void spend(PoolWrite pool, AuthSession session) {
        if (pool.session(session.id()) != session) {
            throw SignIn.invalidSession();
        }
        pool.removeSession(session.id());
    }
}
