package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeResult;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Srp;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * USER_SRP_AUTH ({@code USERNAME}, {@code SRP_A}, {@code SECRET_HASH}): the server's half of SRP-6a against the
 * user's verifier, answered as the PASSWORD_VERIFIER challenge ({@code SALT}, {@code SRP_B}, {@code SECRET_BLOCK},
 * {@code USER_ID_FOR_SRP}, {@code USERNAME}) with no {@code Session}, as Cognito answers it (captured: the
 * InitiateAuth answers quoted in aws-amplify/amplify-js#11034 and floci-io/floci#1305): the secret block names the
 * challenge, whose session key is worked out here, outside the lock, and kept for the answer.
 */
final class SrpFlow implements AuthFlow {

    static final String NAME = "USER_SRP_AUTH";
    private static final String ALLOW = "ALLOW_USER_SRP_AUTH";
    /** Cognito's secret blocks are opaque; these are random bytes (the session's name, too). */
    private static final int SECRET_BLOCK_BYTES = 128;

    /** What the flow read under the lock: the user is null (or has no password) for a fake challenge. */
    private record Start(SignIn.Read read, User user, BigInteger clientKey) {
    }

    private final SignIn signIn;

    SrpFlow(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public AuthResult start(Attempt attempt) {
        String username = attempt.required("USERNAME");
        return exchange(signIn, attempt, pool -> {
            AppClient client = pool.requireClient(attempt.clientId());
            if (!allowsSrp(client)) {
                // Unconfirmed text, in the words Cognito uses for USER_PASSWORD_AUTH.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        NAME + " flow not enabled for this client");
            }
            SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
            return client;
        }, (pool, client) -> {
            User user = UserLookup.findOrNull(pool, username);
            if (user == null && !client.hidesUserExistence()) {
                // Captured: floci fixture initiate-auth.srp.unknown-user (cognito-errors.md section 2).
                throw new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
            }
            return user;
        }, null);
    }

    /**
     * The exchange, shared with USER_AUTH's PASSWORD_SRP: under the pool's read lock {@code client} (the client's
     * checks), {@code SRP_A}, then {@code user} (null for an unknown user the client hides) and the refusals that
     * need no password; the session key outside the lock; then the challenge's session, written with {@code spend}
     * (null for nothing).
     */
    static AuthResult exchange(SignIn signIn, Attempt attempt, Function<PoolView, AppClient> client,
            BiFunction<PoolView, AppClient, User> user, Consumer<PoolWrite> spend) {
        return exchange(signIn, attempt, client, user, spend, null);
    }

    /**
     * {@link #exchange(SignIn, Attempt, Function, BiFunction, Consumer)} for CUSTOM_AUTH's password verification,
     * whose challenges so far ({@code custom}; null for the other flows) the verifier's session keeps.
     */
    static AuthResult exchange(SignIn signIn, Attempt attempt, Function<PoolView, AppClient> client,
            BiFunction<PoolView, AppClient, User> user, Consumer<PoolWrite> spend, List<ChallengeResult> custom) {
        String username = attempt.required("USERNAME");
        String srpA = attempt.required("SRP_A");
        for (int round = 1; ; round++) {
            Start start = signIn.store().read(attempt.poolId(), pool -> {
                AppClient checked = client.apply(pool);
                BigInteger clientKey = Srp.clientKey(srpA);
                if (clientKey == null) {
                    // Unconfirmed text (amazon-archives/amazon-cognito-identity-js#356: an altered SRP_A is an
                    // InvalidParameterException).
                    throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid SRP_A value.");
                }
                User found = user.apply(pool, checked);
                // What needs no password is answered at once (an SRP exchange can't start without one).
                CognitoException refusal = found == null ? null : PasswordOutcome.statusRefusal(found);
                if (refusal != null) {
                    throw refusal;
                }
                return new Start(found == null ? null : SignIn.read(pool, checked, found), found, clientKey);
            });
            if (start.user() == null || start.user().credentials() == null) {
                return fake(signIn, start, username);
            }
            User found = start.user();
            Credentials credentials = found.credentials();
            Srp.ServerKey server = Srp.serverKey(credentials.srpVerifier(), signIn.random());
            byte[] key = Srp.sessionKey(start.clientKey(), credentials.srpVerifier(), server);
            String secretBlock = secretBlock(signIn);
            SignIn.Read read = start.read();
            AuthSession session = new AuthSession(secretBlock, read.client().clientId(), found.sub(),
                    new PasswordVerifierChallenge.State(key, found.username(), custom),
                    attempt.now().plus(Duration.ofMinutes(read.client().authSessionValidityMinutes())));
            if (signIn.commit(read, pool -> {
                if (spend != null) {
                    spend.accept(pool);
                }
                pool.putSession(session);
            })) {
                return challenge(credentials.srpSalt(), server.publicKey(), secretBlock, found.username());
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /**
     * Where the client hides which users exist: a challenge like any other, which no answer can meet ("Incorrect
     * username or password." follows). Nothing is kept: its secret block names no session.
     */
    private static AuthResult fake(SignIn signIn, Start start, String username) {
        BigInteger salt = Srp.newSalt(signIn.random());
        BigInteger publicKey = new BigInteger(1, signIn.random().bytes(Srp.N.bitLength() / 8)).mod(Srp.N);
        String userId = start.user() == null ? username : start.user().username();
        return challenge(salt, publicKey, secretBlock(signIn), userId);
    }

    /** The parameters in the order Cognito lists them (alphabetical). */
    private static AuthResult challenge(BigInteger salt, BigInteger publicKey, String secretBlock, String userId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SALT", salt.toString(16));
        parameters.put("SECRET_BLOCK", secretBlock);
        parameters.put("SRP_B", publicKey.toString(16));
        parameters.put("USERNAME", userId);
        parameters.put("USER_ID_FOR_SRP", userId);
        return AuthResult.challenge(PasswordVerifierChallenge.NAME, null, parameters);
    }

    static String secretBlock(SignIn signIn) {
        return Base64.getEncoder().encodeToString(signIn.random().bytes(SECRET_BLOCK_BYTES));
    }

    /**
     * ALLOW_USER_SRP_AUTH; a client configured with the legacy flow names only ({@code ADMIN_NO_SRP_AUTH},
     * {@code USER_PASSWORD_AUTH}) has SRP too, as it always had, unless it is {@code CUSTOM_AUTH_FLOW_ONLY}.
     */
    private static boolean allowsSrp(AppClient client) {
        if (client.explicitAuthFlows().contains(ALLOW)) {
            return true;
        }
        for (String flow : client.explicitAuthFlows()) {
            if (flow.startsWith("ALLOW_") || flow.equals("CUSTOM_AUTH_FLOW_ONLY")) {
                return false;
            }
        }
        return true;
    }
}
