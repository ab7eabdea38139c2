package dev.cognitoemulator.operations.auth;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * AdminResetUserPassword: the user becomes RESET_REQUIRED, sign-in answers PasswordResetRequiredException, and a
 * reset code goes to the verified contact for ConfirmForgotPassword (documented: API_AdminResetUserPassword); the
 * refusals are ForgotPassword's (research self-service.md section 13): "User password cannot be reset in the current
 * state." (amazon-cognito-identity-js#532), "User is disabled" (amazon-cognito-identity-js#373, pasted without its
 * period, so only the start is pinned), "User does not exist." (cognito-errors.md section 2). "Password reset
 * required for the user" is captured* with and without a period (cognito-errors.md section 8).
 */
class AdminResetUserPasswordTest extends AccountsTestSupport {

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("admin-reset");
    }

    private void reset(String poolId, String username) {
        cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username(username));
    }

    @Test
    void theUserMustResetAndGetsACodeThatConfirmsTheReset() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        reset(poolId, "alice");

        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.RESET_REQUIRED);
        var admin = awsError("PasswordResetRequiredException", () -> adminSignIn(poolId, clientId, "alice"));
        var user = awsError("PasswordResetRequiredException", () -> signIn(clientId, "alice", PASSWORD));
        var wrong = awsError("PasswordResetRequiredException", () -> signIn(clientId, "alice", "Wr0ng-password"));
        assertThat(message(admin)).startsWith("Password reset required for the user");
        assertThat(message(user)).startsWith("Password reset required for the user");
        assertThat(message(wrong)).startsWith("Password reset required for the user");

        Message sent = lastMessage(poolId, "alice");
        assertThat(sent.kind()).isEqualTo("ForgotPassword");
        assertThat(sent.destination()).isEqualTo("alice@example.com");
        assertThat(sent.message()).isEqualTo("Your password reset code is " + sent.code());

        cognito.confirmForgotPassword(b -> b.clientId(clientId).username("alice").confirmationCode(sent.code())
                .password(NEW_PASSWORD));
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
        awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice"));
    }

    @Test
    void theCodeGoesToAVerifiedPhoneFirst() {
        String poolId = newPool();
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("email_verified", "true"),
                attr("phone_number", "+15555550123"), attr("phone_number_verified", "true"));

        reset(poolId, "alice");

        assertThat(lastMessage(poolId, "alice").deliveryMedium()).isEqualTo("SMS");
    }

    @Test
    void forceChangePasswordUserCannotBeReset() {
        String poolId = newPool();
        forceChangeUser(poolId, "alice", verifiedEmail("alice"));

        var e = awsError("NotAuthorizedException", () -> reset(poolId, "alice"));

        assertThat(message(e)).isEqualTo("User password cannot be reset in the current state.");
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void disabledUserCannotBeReset() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));

        var e = awsError("NotAuthorizedException", () -> reset(poolId, "alice"));

        assertThat(message(e)).startsWith("User is disabled");
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
        cognito.adminEnableUser(b -> b.userPoolId(poolId).username("alice"));
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    @Test
    void adminOnlyRecoveryIsRefusedToo() {
        String poolId = newPool(b -> poolSettings(b.accountRecoverySetting(r -> r.recoveryMechanisms(
                RecoveryOptionType.builder().name(RecoveryOptionNameType.ADMIN_ONLY).priority(1).build()))));
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        var e = awsError("NotAuthorizedException", () -> reset(poolId, "alice"));

        // moto's text (unconfirmed); "your user pool must have self-service account recovery configured" (API ref).
        assertThat(message(e)).isEqualTo("Contact administrator to reset password.");
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void noVerifiedContactLeavesThePasswordWorking() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));

        var e = awsError("InvalidParameterException", () -> reset(poolId, "alice"));

        assertThat(message(e)).isEqualTo("Cannot reset password for the user as there is no registered/verified "
                + "email or phone_number");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void unknownUserOrPool() {
        String poolId = newPool();

        var user = awsError("UserNotFoundException", () -> reset(poolId, "nobody"));
        var pool = awsError("ResourceNotFoundException", () -> reset(NO_POOL, "alice"));

        assertThat(message(user)).isEqualTo("User does not exist.");
        assertThat(message(pool)).isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
