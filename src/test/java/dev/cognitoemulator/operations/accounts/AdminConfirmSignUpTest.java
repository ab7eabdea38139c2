package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * AdminConfirmSignUp through the SDK: CONFIRMED without a code and without verifying anything (documented: DG2023
 * signing-up-users-in-your-app, "there might not be a verified email or phone number"; captured:
 * amazon-cognito-identity-js#566, email_verified stayed false), after which the sign-up code is spent.
 */
class AdminConfirmSignUpTest extends SignUpFixture {

    private void adminConfirm(String poolId, String username) {
        cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username(username));
    }

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    @Test
    void confirmsWithoutVerifyingAndTheUserCanSignIn() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "ana", attr("email", "ana@example.com"));

        adminConfirm(poolId, "ana");

        AdminGetUserResponse user = get(poolId, "ana");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(asMap(user.userAttributes())).doesNotContainEntry("email_verified", "true");
        assertThat(adminSignIn(poolId, clientId, "ana").accessToken()).isNotEmpty();
    }

    /** The sign-up code no longer confirms, nor can one be resent (captured: cognito-errors.md 9, amplify-js#2797). */
    @Test
    void theSignUpCodeNoLongerWorks() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "ben", attr("email", "ben@example.com"));
        String code = lastCode(poolId, "ben");

        adminConfirm(poolId, "ben");

        var confirm = awsError("NotAuthorizedException", () -> confirm(clientId, "ben", code));
        var resend = awsError("InvalidParameterException",
                () -> cognito.resendConfirmationCode(b -> b.clientId(clientId).username("ben")));
        assertThat(message(confirm)).isEqualTo("User cannot be confirmed. Current status is CONFIRMED");
        assertThat(message(resend)).isEqualTo("User is already confirmed.");
        assertThat(asMap(get(poolId, "ben").userAttributes())).doesNotContainEntry("email_verified", "true");
    }

    /** Unconfirmed for this operation (no capture, self-service.md gaps): ConfirmSignUp's captured text. */
    @Test
    void aConfirmedUserIsRefused() {
        String poolId = newPool();
        confirmedUser(poolId, "cat");

        var e = awsError("NotAuthorizedException", () -> adminConfirm(poolId, "cat"));

        assertThat(message(e)).isEqualTo("User cannot be confirmed. Current status is CONFIRMED");
    }

    /** Unconfirmed: ConfirmSignUp's text with the status a user AdminCreateUser made has. */
    @Test
    void aUserWaitingForANewPasswordIsRefused() {
        String poolId = newPool();
        newUser(poolId, "dan");

        var e = awsError("NotAuthorizedException", () -> adminConfirm(poolId, "dan"));

        assertThat(message(e)).isEqualTo("User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD");
        assertThat(get(poolId, "dan").userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    /** Captured: aws/aws-sdk-js#1357 (Admin* user operations). */
    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();

        var e = awsError("UserNotFoundException", () -> adminConfirm(poolId, "nobody"));

        assertThat(message(e)).isEqualTo("User does not exist.");
    }

    /** Captured: aws/aws-sdk-go#2436. */
    @Test
    void unknownPoolIsResourceNotFound() {
        var e = awsError("ResourceNotFoundException", () -> adminConfirm(NO_POOL, "nobody"));

        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");
    }

    /**
     * The captured form (anomalyco/guide#127, whose value {@code YOUR_USER_POOL_ID} AWS refused although it matches
     * the model's pattern) with an id that does not match it.
     */
    @Test
    void malformedPoolIdIsAValidationError() {
        var e = awsError("InvalidParameterException", () -> adminConfirm("nopool", "nobody"));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value 'nopool' at 'userPoolId' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
    }
}
