package dev.cognitoemulator.operations.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.auth.AuthMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

/**
 * What time does to tokens, sessions and temporary passwords, with the emulator's clock under the test's
 * control (SigV4 checking off, since the SDK signs with the real time). Captured text: "Access Token has
 * expired" (aws-amplify/aws-sdk-ios#1376), "Invalid session for the user." (aws-amplify/amplify-js#10959).
 * "Refresh Token has expired" is quoted only by one emulator and the expired-temporary-password text is not
 * in the reference, so those pin the code and the start of the text.
 */
class TokenExpiryTest extends CognitoTestSupport {

    private final MovableClock clock = new MovableClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("expiry");
    }

    /** Access 5 minutes, ID 10 minutes, refresh 60 minutes, challenge sessions 3 minutes (the default). */
    private String expiringClient(String poolId) {
        return passwordClient(poolId, b -> b.accessTokenValidity(5).idTokenValidity(10).refreshTokenValidity(60)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.MINUTES)));
    }

    @Test
    void tokenLifetimesComeFromTheClock() {
        String poolId = newPool();
        String clientId = expiringClient(poolId);
        confirmedUser(poolId, "alice");

        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        JWTClaimsSet access = Oidc.claims(tokens.accessToken());
        JWTClaimsSet id = Oidc.claims(tokens.idToken());

        assertThat(access.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(Duration.between(id.getIssueTime().toInstant(), id.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(tokens.expiresIn()).isEqualTo(300);
    }

    @Test
    void expiredAccessTokenIsRefused() {
        String poolId = newPool();
        String clientId = expiringClient(poolId);
        confirmedUser(poolId, "alice");
        String accessToken = adminSignIn(poolId, clientId, "alice").accessToken();

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(cognito.getUser(b -> b.accessToken(accessToken)).username()).isEqualTo("alice");
        clock.advance(Duration.ofSeconds(1));

        var e = awsError("NotAuthorizedException", () -> cognito.getUser(b -> b.accessToken(accessToken)));
        assertThat(message(e)).isEqualTo("Access Token has expired");
        var signOut = awsError("NotAuthorizedException", () -> cognito.globalSignOut(b -> b.accessToken(accessToken)));
        assertThat(message(signOut)).isEqualTo("Access Token has expired");
    }

    @Test
    void refreshKeepsAuthTimeAndRenewsTheAccessToken() {
        String poolId = newPool();
        String clientId = expiringClient(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");
        long authTime = clock.instant().getEpochSecond();

        clock.advance(Duration.ofMinutes(30));
        AuthenticationResultType refreshed = refresh(poolId, clientId, first.refreshToken());

        JWTClaimsSet id = Oidc.claims(refreshed.idToken());
        JWTClaimsSet access = Oidc.claims(refreshed.accessToken());
        assertThat(((Number) id.getClaim("auth_time")).longValue()).isEqualTo(authTime);
        assertThat(((Number) access.getClaim("auth_time")).longValue()).isEqualTo(authTime);
        assertThat(access.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(access.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(cognito.getUser(b -> b.accessToken(refreshed.accessToken())).username()).isEqualTo("alice");
        awsError("NotAuthorizedException", () -> cognito.getUser(b -> b.accessToken(first.accessToken())));
    }

    @Test
    void expiredRefreshTokenIsRefused() {
        String poolId = newPool();
        String clientId = expiringClient(poolId);
        confirmedUser(poolId, "alice");
        String refreshToken = adminSignIn(poolId, clientId, "alice").refreshToken();

        clock.advance(Duration.ofMinutes(59));
        assertThat(refresh(poolId, clientId, refreshToken).accessToken()).isNotBlank();
        clock.advance(Duration.ofMinutes(1));

        var e = awsError("NotAuthorizedException", () -> refresh(poolId, clientId, refreshToken));
        assertThat(message(e)).startsWith("Refresh Token has expired");
    }

    @Test
    void challengeSessionExpiresAfterAuthSessionValidity() {
        String poolId = newPool();
        String clientId = expiringClient(poolId);
        forceChangeUser(poolId, "alice");
        var challenge = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD)));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);

        clock.advance(Duration.ofMinutes(3));

        var e = awsError("NotAuthorizedException", () -> cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "alice", "NEW_PASSWORD", "N3w-Passw0rd!"))));
        assertThat(message(e)).isEqualTo("Invalid session for the user.");
    }

    @Test
    void temporaryPasswordExpiresAfterTheDaysOfThePolicy() {
        String poolId = newPool(b -> b.poolName("temporary").policies(p -> p.passwordPolicy(pp -> pp
                .minimumLength(8).temporaryPasswordValidityDays(2))));
        String clientId = expiringClient(poolId);
        forceChangeUser(poolId, "alice");

        clock.advance(Duration.ofDays(2).minusMinutes(1));
        assertThat(cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))).challengeName())
                .isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        clock.advance(Duration.ofMinutes(2));

        var e = awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice"));
        assertThat(message(e)).startsWith("Temporary password has expired");
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant value) {
            now = value;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
