package dev.cognitoemulator.operations.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import dev.cognitoemulator.testing.SrpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * Failed password sign-ins and the lockout, through both password flows, as the developer guide documents it
 * (authentication.html, "Lockout behavior for failed sign-in attempts"; research self-service.md section 11): after
 * five failures a lockout of one second, doubling with each further failure (2^(n-5) s) up to about 15 minutes;
 * during it even the right password is refused with "Password attempts exceeded" (captured:
 * amazon-cognito-identity-js#479, #506) and the attempt does not count; a success after it, or 15 minutes without
 * attempts, starts over. The clock stands still and moves by hand, SigV4 off.
 */
class LockoutTest extends AccountsTestSupport {

    private static final String WRONG = "Wr0ng-password";
    private static final String INCORRECT = "Incorrect username or password.";
    private static final String EXCEEDED = "Password attempts exceeded";

    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("lockout");
    }

    /** A pool with alice and bob, CONFIRMED; returns a client allowing both password flows. */
    private String setUp(String poolId) {
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");
        return passwordClient(poolId);
    }

    private void wrong(String clientId, String answer) {
        var e = awsError("NotAuthorizedException", () -> signIn(clientId, "alice", WRONG));
        assertThat(message(e)).isEqualTo(answer);
    }

    private void wrongAdmin(String poolId, String clientId, String answer) {
        var e = awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice", WRONG));
        assertThat(message(e)).isEqualTo(answer);
    }

    private void rightIsRefused(String poolId, String clientId) {
        var user = awsError("NotAuthorizedException", () -> signIn(clientId, "alice", PASSWORD));
        var admin = awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice"));
        assertThat(message(user)).isEqualTo(EXCEEDED);
        assertThat(message(admin)).isEqualTo(EXCEEDED);
    }

    private void rightSignsIn(String clientId) {
        assertThat(signIn(clientId, "alice", PASSWORD).accessToken()).isNotBlank();
    }

    /** Five failures: the last locks alice out for a second. */
    private void fiveFailures(String clientId) {
        for (int i = 0; i < 5; i++) {
            wrong(clientId, INCORRECT);
        }
    }

    @Test
    void fiveWrongPasswordsThenEvenTheRightOneIsRefusedForASecond() {
        String poolId = newPool();
        String clientId = setUp(poolId);

        fiveFailures(clientId);

        rightIsRefused(poolId, clientId);
        wrong(clientId, EXCEEDED);
        assertThat(adminSignIn(poolId, clientId, "bob").accessToken()).isNotBlank();
        clock.advance(Duration.ofSeconds(1));
        rightSignsIn(clientId);
    }

    @Test
    void fourWrongPasswordsLockNobodyOut() {
        String poolId = newPool();
        String clientId = setUp(poolId);

        for (int i = 0; i < 4; i++) {
            wrong(clientId, INCORRECT);
        }

        rightSignsIn(clientId);
    }

    @Test
    void bothPasswordFlowsCountTogether() {
        String poolId = newPool();
        String clientId = setUp(poolId);

        for (int i = 0; i < 3; i++) {
            wrong(clientId, INCORRECT);
        }
        wrongAdmin(poolId, clientId, INCORRECT);
        wrongAdmin(poolId, clientId, INCORRECT);

        rightIsRefused(poolId, clientId);
        wrongAdmin(poolId, clientId, EXCEEDED);
    }

    @Test
    void eachFurtherFailureDoublesTheLockout() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);

        clock.advance(Duration.ofSeconds(1));

        for (int n = 6; n <= 9; n++) {
            wrong(clientId, INCORRECT);
            long lockout = 1L << (n - 5);
            clock.advance(Duration.ofSeconds(lockout - 1));
            rightIsRefused(poolId, clientId);
            clock.advance(Duration.ofSeconds(1));
        }
        rightSignsIn(clientId);
    }

    @Test
    void attemptsDuringALockoutDoNotCount() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);

        for (int i = 0; i < 10; i++) {
            wrong(clientId, EXCEEDED);
        }
        clock.advance(Duration.ofSeconds(1));
        wrong(clientId, INCORRECT);

        // The sixth failure that counted: two seconds, not 2^15.
        clock.advance(Duration.ofSeconds(1));
        rightIsRefused(poolId, clientId);
        clock.advance(Duration.ofSeconds(1));
        rightSignsIn(clientId);
    }

    @Test
    void theRightPasswordAfterTheLockoutStartsTheCountOver() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);
        clock.advance(Duration.ofSeconds(1));
        rightSignsIn(clientId);

        for (int i = 0; i < 4; i++) {
            wrong(clientId, INCORRECT);
        }
        rightSignsIn(clientId);
    }

    @Test
    void theLockoutStopsGrowingAtFifteenMinutes() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);
        for (int n = 6; n <= 14; n++) {
            clock.advance(Duration.ofSeconds(1L << (n - 6)));
            wrong(clientId, INCORRECT);
        }
        // The 14th failure locked for 512 s; the 15th would be 1024 s, the cap is 900.
        clock.advance(Duration.ofSeconds(512));
        wrong(clientId, INCORRECT);

        clock.advance(Duration.ofSeconds(899));
        rightIsRefused(poolId, clientId);
        clock.advance(Duration.ofSeconds(1));
        rightSignsIn(clientId);
    }

    @Test
    void fifteenQuietMinutesStartTheCountOver() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);

        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            wrong(clientId, INCORRECT);
        }

        rightSignsIn(clientId);
    }

    @Test
    void lessThanFifteenQuietMinutesKeepTheCount() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        wrong(clientId, INCORRECT);

        rightIsRefused(poolId, clientId);
    }

    @Test
    void anAttemptDuringALockoutIsNoQuietMinute() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        fiveFailures(clientId);
        clock.advance(Duration.ofMillis(500));
        rightIsRefused(poolId, clientId);

        // Fifteen minutes after the last failure, but not after the last attempt: the count goes on.
        clock.advance(Duration.ofMinutes(15).minusMillis(500));
        wrong(clientId, INCORRECT);

        rightIsRefused(poolId, clientId);
        clock.advance(Duration.ofSeconds(2));
        rightSignsIn(clientId);
    }

    @Test
    void aFailureBetweenTheTemporaryPasswordAndTheNewOneIsForgottenByTheChallenge() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        forceChangeUser(poolId, "carol");
        var challenge = cognito.initiateAuth(b -> b.clientId(clientId).authFlow("USER_PASSWORD_AUTH")
                .authParameters(Map.of("USERNAME", "carol", "PASSWORD", PASSWORD)));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        awsError("NotAuthorizedException", () -> signIn(clientId, "carol", WRONG));

        var tokens = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "carol", "NEW_PASSWORD", NEW_PASSWORD)))
                .authenticationResult();

        assertThat(tokens.accessToken()).isNotBlank();
        for (int i = 0; i < 4; i++) {
            awsError("NotAuthorizedException", () -> signIn(clientId, "carol", WRONG));
        }
        assertThat(signIn(clientId, "carol", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    /** An SRP proof of a wrong password counts as one; the lockout refuses the right proof and the password flows. */
    @Test
    void wrongSrpProofsLockTheUserOutToo() {
        String poolId = newPool();
        confirmedUser(poolId, "alice");
        String clientId = newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .clientId();
        for (int i = 0; i < 5; i++) {
            assertThat(message(awsError("NotAuthorizedException", () -> srp(poolId, clientId, WRONG))))
                    .isEqualTo(INCORRECT);
        }

        assertThat(message(awsError("NotAuthorizedException", () -> srp(poolId, clientId, PASSWORD))))
                .isEqualTo(EXCEEDED);
        assertThat(message(awsError("NotAuthorizedException", () -> signIn(clientId, "alice", PASSWORD))))
                .isEqualTo(EXCEEDED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(srp(poolId, clientId, PASSWORD).accessToken()).isNotBlank();
    }

    /** USER_SRP_AUTH, then PASSWORD_VERIFIER with the proof of {@code password}. */
    private AuthenticationResultType srp(String poolId, String clientId, String password) {
        SrpClient client = SrpClient.forPool(poolId);
        var challenge = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "SRP_A", client.srpA())));
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(client.answer(challenge.challengeParameters(), password))).authenticationResult();
    }
}
