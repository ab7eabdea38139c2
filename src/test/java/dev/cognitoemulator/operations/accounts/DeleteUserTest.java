package dev.cognitoemulator.operations.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;

/**
 * DeleteUser: "A deleted user profile can no longer be used to sign in and can't be restored" (model). Its tokens
 * stop working: what GetUser answers then is not captured (research self-service.md section 9), so "User does not
 * exist." is unconfirmed; "Invalid Refresh Token." is the captured text for an unknown refresh token (aws/aws-sdk-cpp
 * #1789), "Access Token has been revoked" (aws-amplify/amplify-js#3540).
 */
class DeleteUserTest extends AccountsTestSupport {

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("delete-user").aliasAttributes(AliasAttributeType.EMAIL);
    }

    private void deleteUser(String accessToken) {
        cognito.deleteUser(b -> b.accessToken(accessToken));
    }

    @Test
    void theUserIsGone() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        confirmedUser(poolId, "bob");

        deleteUser(accessToken(poolId, clientId, "alice"));

        var get = awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId)
                .username("alice")));
        var signIn = awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice"));
        assertThat(message(get)).isEqualTo("User does not exist.");
        assertThat(message(signIn)).isEqualTo("User does not exist.");
        awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice@example.com"));
        assertThat(adminSignIn(poolId, clientId, "bob").accessToken()).isNotBlank();
    }

    @Test
    void itsTokensStopWorking() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");

        deleteUser(tokens.accessToken());

        var get = awsError("NotAuthorizedException", () -> cognito.getUser(b -> b.accessToken(tokens.accessToken())));
        var again = awsError("NotAuthorizedException", () -> deleteUser(tokens.accessToken()));
        var refresh = awsError("NotAuthorizedException", () -> refresh(poolId, clientId, tokens.refreshToken()));
        var fromRefresh = awsError("NotAuthorizedException", () -> cognito.getTokensFromRefreshToken(b -> b
                .clientId(clientId).refreshToken(tokens.refreshToken())));
        assertThat(message(get)).isEqualTo("User does not exist.");
        assertThat(message(again)).isEqualTo("User does not exist.");
        assertThat(message(refresh)).isEqualTo("Invalid Refresh Token.");
        assertThat(message(fromRefresh)).isEqualTo("Invalid Refresh Token.");
    }

    @Test
    void aNewUserOfTheSameNameInheritsNothing() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice"));
        String code = lastCode(poolId, "alice");

        deleteUser(tokens.accessToken());
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        awsError("NotAuthorizedException", () -> cognito.getUser(b -> b.accessToken(tokens.accessToken())));
        awsError("NotAuthorizedException", () -> refresh(poolId, clientId, tokens.refreshToken()));
        awsError("ExpiredCodeException", () -> cognito.confirmForgotPassword(b -> b.clientId(clientId)
                .username("alice").confirmationCode(code).password(NEW_PASSWORD)));
        assertThat(adminSignIn(poolId, clientId, "alice@example.com").accessToken()).isNotBlank();
    }

    @Test
    void aRevokedTokenDeletesNobody() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String token = accessToken(poolId, clientId, "alice");
        cognito.globalSignOut(b -> b.accessToken(token));

        var e = awsError("NotAuthorizedException", () -> deleteUser(token));

        assertThat(message(e)).isEqualTo("Access Token has been revoked");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    @Test
    void notAnAccessToken() {
        var e = awsError("NotAuthorizedException", () -> deleteUser("not-a-token"));

        assertThat(message(e)).isEqualTo("Invalid Access Token");
    }
}
