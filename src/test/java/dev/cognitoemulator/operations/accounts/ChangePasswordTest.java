package dev.cognitoemulator.operations.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;

/**
 * ChangePassword with the signed-in user's access token. Sources: "Incorrect username or password." for a wrong
 * previous password (cognito-errors.md section 8, aws-amplify/amplify-js#1580), the policy texts (section 7), "Access
 * Token has been revoked" (aws-amplify/amplify-js#3540), "Invalid Access Token" (aws-cognito-angular-quickstart#137);
 * tokens kept (amplify-js#4168, captured*).
 */
class ChangePasswordTest extends AccountsTestSupport {

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("change-password");
    }

    private void change(String accessToken, String previous, String proposed) {
        cognito.changePassword(b -> b.accessToken(accessToken).previousPassword(previous)
                .proposedPassword(proposed));
    }

    @Test
    void theNewPasswordSignsInAndTheOldOneNoLonger() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");

        change(accessToken(poolId, clientId, "alice"), PASSWORD, NEW_PASSWORD);

        assertThat(signIn(clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
        var e = awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice"));
        assertThat(message(e)).isEqualTo("Incorrect username or password.");
    }

    @Test
    void tokensStayValid() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");

        change(tokens.accessToken(), PASSWORD, NEW_PASSWORD);

        assertThat(cognito.getUser(b -> b.accessToken(tokens.accessToken())).username()).isEqualTo("alice");
        assertThat(refresh(poolId, clientId, tokens.refreshToken()).accessToken()).isNotBlank();
        change(tokens.accessToken(), NEW_PASSWORD, PASSWORD);
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    @Test
    void aWrongPreviousPasswordIsRefusedAndChangesNothing() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String token = accessToken(poolId, clientId, "alice");

        var e = awsError("NotAuthorizedException", () -> change(token, "Wr0ng-password", NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Incorrect username or password.");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
        awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice", NEW_PASSWORD));
    }

    @Test
    void aMissingPreviousPasswordIsRefusedToAUserWhoHasOne() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String token = accessToken(poolId, clientId, "alice");

        // Unconfirmed: the model makes PreviousPassword optional for passwordless users only.
        var e = awsError("NotAuthorizedException", () -> cognito.changePassword(b -> b.accessToken(token)
                .proposedPassword(NEW_PASSWORD)));

        assertThat(message(e)).isEqualTo("Incorrect username or password.");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "Sh0rt!, Password not long enough",
        "passw0rd!, Password must have uppercase characters",
        "PASSW0RD!, Password must have lowercase characters",
        "Password!, Password must have numeric characters",
        "Passw0rdd, Password must have symbol characters"})
    void theNewPasswordMustMeetThePolicy(String proposed, String rule) {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String token = accessToken(poolId, clientId, "alice");

        var e = awsError("InvalidPasswordException", () -> change(token, PASSWORD, proposed));

        assertThat(message(e)).isEqualTo("Password did not conform with policy: " + rule);
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    @Test
    void aRevokedTokenIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String token = accessToken(poolId, clientId, "alice");
        cognito.globalSignOut(b -> b.accessToken(token));

        var e = awsError("NotAuthorizedException", () -> change(token, PASSWORD, NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Access Token has been revoked");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    @Test
    void notAnAccessTokenIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        String idToken = adminSignIn(poolId, clientId, "alice").idToken();

        var garbage = awsError("NotAuthorizedException", () -> change("not-a-token", PASSWORD, NEW_PASSWORD));
        var id = awsError("NotAuthorizedException", () -> change(idToken, PASSWORD, NEW_PASSWORD));

        assertThat(message(garbage)).isEqualTo("Invalid Access Token");
        assertThat(message(id)).isEqualTo("Invalid Access Token");
    }
}
