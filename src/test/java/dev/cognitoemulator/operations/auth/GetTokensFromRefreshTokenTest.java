package dev.cognitoemulator.operations.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

/**
 * GetTokensFromRefreshToken, with and without RefreshTokenRotation. The clock moves past grace periods and a refresh
 * token's life, so SigV4 is off (it checks the same clock).
 *
 * <p>Sources (research self-service.md section 10): rotation's rules (model RefreshTokenRotationType: "When
 * disabled, token refresh issues only ID and access tokens"; the grace period; 0 "immediately invalidates the
 * submitted refresh token"), "Invalid Refresh Token." (aws/aws-sdk-js-v3#7162, and for another client's token the
 * AWS knowledge center), "Refresh Token has been revoked" (aws-amplify/amplify-swift#3344), "User is disabled."
 * (cognito-errors.md section 8). RefreshTokenReuseException's message, the ClientSecret texts and "Refresh Token has
 * expired" are unconfirmed.
 */
class GetTokensFromRefreshTokenTest extends AccountsTestSupport {

    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("refresh");
    }

    /** A password client whose refresh tokens rotate, the old one good for {@code grace} seconds more. */
    private String rotatingClient(String poolId, int grace) {
        return rotatingClient(poolId, grace, b -> { });
    }

    private String rotatingClient(String poolId, int grace, Consumer<CreateUserPoolClientRequest.Builder> more) {
        return passwordClient(poolId, b -> more.accept(b.refreshTokenRotation(r -> r.feature(FeatureType.ENABLED)
                .retryGracePeriodSeconds(grace))));
    }

    private AuthenticationResultType tokens(String clientId, String refreshToken) {
        return tokens(b -> b.clientId(clientId).refreshToken(refreshToken));
    }

    private AuthenticationResultType tokens(Consumer<GetTokensFromRefreshTokenRequest.Builder> request) {
        return cognito.getTokensFromRefreshToken(request).authenticationResult();
    }

    private String username(String accessToken) {
        return cognito.getUser(b -> b.accessToken(accessToken)).username();
    }

    private static long authTime(String jwt) {
        return ((Number) Oidc.claims(jwt).getClaim("auth_time")).longValue();
    }

    // --- without rotation -----------------------------------------------------------------------------------

    @Test
    void withoutRotationNewIdAndAccessTokensButNoRefreshToken() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");

        clock.advance(Duration.ofMinutes(10));
        AuthenticationResultType again = tokens(clientId, first.refreshToken());

        assertThat(again.refreshToken()).isNull();
        assertThat(again.tokenType()).isEqualTo("Bearer");
        assertThat(again.expiresIn()).isEqualTo(3600);
        assertThat(again.accessToken()).isNotEqualTo(first.accessToken());
        JWTClaimsSet id = Oidc.claims(again.idToken());
        assertThat(id.getSubject()).isEqualTo(Oidc.claims(first.idToken()).getSubject());
        assertThat(id.getIssueTime().toInstant()).isAfter(Oidc.claims(first.idToken()).getIssueTime().toInstant());
        assertThat(authTime(again.idToken())).isEqualTo(authTime(first.idToken()));
        assertThat(authTime(again.accessToken())).isEqualTo(authTime(first.accessToken()));
        assertThat(username(again.accessToken())).isEqualTo("alice");
        assertThat(username(first.accessToken())).isEqualTo("alice");
        assertThat(tokens(clientId, first.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void aDisabledRotationGivesNoRefreshTokenEither() {
        String poolId = newPool();
        String clientId = passwordClient(poolId, b -> b.refreshTokenRotation(r -> r.feature(FeatureType.DISABLED)));
        confirmedUser(poolId, "alice");

        assertThat(tokens(clientId, adminSignIn(poolId, clientId, "alice").refreshToken()).refreshToken()).isNull();
    }

    // --- with rotation --------------------------------------------------------------------------------------

    @Test
    void rotationGivesANewRefreshTokenAndTheOldOneWorksForTheGracePeriod() {
        String poolId = newPool();
        String clientId = rotatingClient(poolId, 10);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");

        AuthenticationResultType rotated = tokens(clientId, first.refreshToken());

        assertThat(rotated.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(authTime(rotated.idToken())).isEqualTo(authTime(first.idToken()));
        assertThat(username(rotated.accessToken())).isEqualTo("alice");

        clock.advance(Duration.ofSeconds(9));
        assertThat(tokens(clientId, first.refreshToken()).accessToken()).isNotBlank();
        clock.advance(Duration.ofSeconds(1));
        var e = awsError("RefreshTokenReuseException", () -> tokens(clientId, first.refreshToken()));

        assertThat(message(e)).isEqualTo("Refresh Token has been rotated and can no longer be used");
        assertThat(tokens(clientId, rotated.refreshToken()).refreshToken()).isNotBlank();
    }

    @Test
    void withoutAGracePeriodTheOldTokenIsRefusedAtOnce() {
        String poolId = newPool();
        String clientId = rotatingClient(poolId, 0);
        confirmedUser(poolId, "alice");
        String old = adminSignIn(poolId, clientId, "alice").refreshToken();

        String rotated = tokens(clientId, old).refreshToken();

        awsError("RefreshTokenReuseException", () -> tokens(clientId, old));
        assertThat(tokens(clientId, rotated).refreshToken()).isNotBlank();
    }

    @Test
    void accessTokensOfTheOldGrantKeepWorking() {
        String poolId = newPool();
        String clientId = rotatingClient(poolId, 0);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");

        tokens(clientId, first.refreshToken());
        awsError("RefreshTokenReuseException", () -> tokens(clientId, first.refreshToken()));

        assertThat(username(first.accessToken())).isEqualTo("alice");
    }

    @Test
    void aRotatedTokenLivesTheClientsRefreshValidityFromItsRotation() {
        String poolId = newPool();
        String clientId = rotatingClient(poolId, 0, b -> b.refreshTokenValidity(60)
                .tokenValidityUnits(u -> u.refreshToken(TimeUnitsType.MINUTES)));
        confirmedUser(poolId, "alice");
        String first = adminSignIn(poolId, clientId, "alice").refreshToken();

        clock.advance(Duration.ofMinutes(50));
        String rotated = tokens(clientId, first).refreshToken();
        clock.advance(Duration.ofMinutes(50));

        assertThat(tokens(clientId, rotated).accessToken()).isNotBlank();
    }

    // --- refusals -------------------------------------------------------------------------------------------

    @Test
    void revokedTokensAreRefused() {
        String poolId = newPool();
        String clientId = rotatingClient(poolId, 30);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");
        String rotated = tokens(clientId, first.refreshToken()).refreshToken();

        cognito.globalSignOut(b -> b.accessToken(first.accessToken()));

        var old = awsError("NotAuthorizedException", () -> tokens(clientId, first.refreshToken()));
        var current = awsError("NotAuthorizedException", () -> tokens(clientId, rotated));
        assertThat(message(old)).isEqualTo("Refresh Token has been revoked");
        assertThat(message(current)).isEqualTo("Refresh Token has been revoked");
    }

    @Test
    void aTokenRevokedByRevokeTokenIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String refreshToken = adminSignIn(poolId, clientId, "alice").refreshToken();

        cognito.revokeToken(b -> b.clientId(clientId).token(refreshToken));

        var e = awsError("NotAuthorizedException", () -> tokens(clientId, refreshToken));
        assertThat(message(e)).isEqualTo("Refresh Token has been revoked");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId, b -> b.refreshTokenValidity(60)
                .tokenValidityUnits(u -> u.refreshToken(TimeUnitsType.MINUTES)));
        confirmedUser(poolId, "alice");
        String refreshToken = adminSignIn(poolId, clientId, "alice").refreshToken();

        clock.advance(Duration.ofMinutes(60).minusSeconds(1));
        assertThat(tokens(clientId, refreshToken).accessToken()).isNotBlank();
        clock.advance(Duration.ofSeconds(1));

        var e = awsError("NotAuthorizedException", () -> tokens(clientId, refreshToken));
        assertThat(message(e)).startsWith("Refresh Token has expired");
    }

    @Test
    void anotherClientsTokenOrNoTokenAtAllIsInvalid() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        String other = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String refreshToken = adminSignIn(poolId, other, "alice").refreshToken();

        var foreign = awsError("NotAuthorizedException", () -> tokens(clientId, refreshToken));
        var garbage = awsError("NotAuthorizedException", () -> tokens(clientId, "not-a-refresh-token"));

        assertThat(message(foreign)).isEqualTo("Invalid Refresh Token.");
        assertThat(message(garbage)).isEqualTo("Invalid Refresh Token.");
        assertThat(tokens(other, refreshToken).accessToken()).isNotBlank();
    }

    @Test
    void aDisabledUserGetsNoTokens() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String refreshToken = adminSignIn(poolId, clientId, "alice").refreshToken();
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));

        var e = awsError("NotAuthorizedException", () -> tokens(clientId, refreshToken));

        assertThat(message(e)).isEqualTo("User is disabled.");
    }

    @Test
    void unknownClientIsResourceNotFound() {
        var e = awsError("ResourceNotFoundException", () -> tokens("1example23456789abcdefghij", "token"));

        assertThat(message(e)).isEqualTo("User pool client 1example23456789abcdefghij does not exist.");
    }

    // --- ClientSecret ---------------------------------------------------------------------------------------

    @Test
    void aSecretClientNeedsItsSecret() {
        String poolId = newPool();
        String clientId = rotatingClient(poolId, 0, b -> b.generateSecret(true));
        String secret = secretOf(poolId, clientId);
        confirmedUser(poolId, "alice");
        String refreshToken = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow("ADMIN_USER_PASSWORD_AUTH").authParameters(Map.of("USERNAME", "alice",
                        "PASSWORD", PASSWORD, "SECRET_HASH", secretHash(secret, "alice", clientId))))
                .authenticationResult().refreshToken();

        var missing = awsError("NotAuthorizedException", () -> tokens(clientId, refreshToken));
        var wrong = awsError("NotAuthorizedException", () -> tokens(b -> b.clientId(clientId)
                .refreshToken(refreshToken).clientSecret("not" + secret)));

        assertThat(message(missing)).isEqualTo("Client " + clientId
                + " is configured with secret but ClientSecret was not received");
        assertThat(message(wrong)).isEqualTo("Unable to verify client secret for client " + clientId);
        AuthenticationResultType rotated = tokens(b -> b.clientId(clientId).refreshToken(refreshToken)
                .clientSecret(secret));
        assertThat(rotated.refreshToken()).isNotBlank();
    }

    @Test
    void aPublicClientRefusesASecret() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String refreshToken = adminSignIn(poolId, clientId, "alice").refreshToken();

        var e = awsError("InvalidParameterException", () -> tokens(b -> b.clientId(clientId)
                .refreshToken(refreshToken).clientSecret("1example2secret3for4a5client6without7one89")));

        assertThat(message(e)).isEqualTo("App client " + clientId
                + " is not configured for secret but client secret was received");
        assertThat(tokens(clientId, refreshToken).accessToken()).isNotBlank();
    }
}
