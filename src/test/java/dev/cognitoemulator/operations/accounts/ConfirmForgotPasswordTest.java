package dev.cognitoemulator.operations.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * ConfirmForgotPassword: the code of the latest ForgotPassword with a new password. The clock moves past the code's
 * hour, so SigV4 is off (it checks the same clock).
 *
 * <p>Sources (research self-service.md sections 3 and 6): "Invalid verification code provided, please try again."
 * (aws-amplify/amplify-js#11738), "Invalid code provided, please request a code again." (captured for ConfirmSignUp,
 * awslabs/aws-sdk-ios-samples#144; the code alone for this operation), five mismatches then LimitExceededException
 * "Attempt limit exceeded, please try after some time." (aws-amplify/amplify-ui-android#180), the hour (developer
 * guide limits.html), a second request voiding the first code (amplify-swift#3127, captured*), other sessions kept
 * (amplify-js#6559, captured*), "Password did not conform with policy: Password not long enough" (cognito-errors.md
 * section 7), PUE answers (developer guide user-pool-managing-errors.html). Single use and the answer without a
 * request are unconfirmed texts.
 */
class ConfirmForgotPasswordTest extends AccountsTestSupport {

    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("confirm-forgot");
    }

    /** A pool, a password client and alice with a verified email; returns the client id. */
    private String setUp(String poolId) {
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        return clientId;
    }

    private String forgot(String clientId, String poolId) {
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice"));
        return lastCode(poolId, "alice");
    }

    private void confirm(String clientId, String code, String password) {
        confirm(b -> b.clientId(clientId).username("alice").confirmationCode(code).password(password));
    }

    private void confirm(Consumer<ConfirmForgotPasswordRequest.Builder> request) {
        cognito.confirmForgotPassword(request);
    }

    private void assertOldPasswordStillWorks(String poolId, String clientId) {
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
    }

    private static String otherCode(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void theNewPasswordSignsInAndTheOldOneNoLonger() {
        String poolId = newPool();
        String clientId = setUp(poolId);

        confirm(clientId, forgot(clientId, poolId), NEW_PASSWORD);

        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
        assertThat(signIn(clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
        var e = awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice"));
        assertThat(message(e)).isEqualTo("Incorrect username or password.");
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void theVerifiedEmailAliasNamesTheUserToo() {
        String poolId = newPool(b -> b.poolName("alias").aliasAttributes(AliasAttributeType.EMAIL));
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        confirm(b -> b.clientId(clientId).username("alice@example.com").confirmationCode(code)
                .password(NEW_PASSWORD));

        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndTheCodeStaysUsable() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        var e = awsError("InvalidPasswordException", () -> confirm(clientId, code, "Sh0rt!"));

        assertThat(message(e)).isEqualTo("Password did not conform with policy: Password not long enough");
        assertOldPasswordStillWorks(poolId, clientId);
        confirm(clientId, code, NEW_PASSWORD);
        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void aWrongCodeIsAMismatchAndChangesNothing() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        var e = awsError("CodeMismatchException", () -> confirm(clientId, otherCode(code), NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Invalid verification code provided, please try again.");
        assertOldPasswordStillWorks(poolId, clientId);
        awsError("NotAuthorizedException", () -> adminSignIn(poolId, clientId, "alice", NEW_PASSWORD));
    }

    @Test
    void theCodeExpiresAfterAnHour() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        clock.advance(Duration.ofHours(1));
        var e = awsError("ExpiredCodeException", () -> confirm(clientId, code, NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Invalid code provided, please request a code again.");
        assertOldPasswordStillWorks(poolId, clientId);
    }

    @Test
    void theCodeWorksJustBeforeTheHourEnds() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        clock.advance(Duration.ofHours(1).minusSeconds(1));
        confirm(clientId, code, NEW_PASSWORD);

        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void theSixthTryIsRefusedEvenWithTheRightCode() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        for (int i = 0; i < 5; i++) {
            awsError("CodeMismatchException", () -> confirm(clientId, otherCode(code), NEW_PASSWORD));
        }
        var e = awsError("LimitExceededException", () -> confirm(clientId, code, NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Attempt limit exceeded, please try after some time.");
        assertOldPasswordStillWorks(poolId, clientId);
    }

    @Test
    void aNewCodeStartsTheCountAfresh() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String first = forgot(clientId, poolId);
        for (int i = 0; i < 5; i++) {
            awsError("CodeMismatchException", () -> confirm(clientId, otherCode(first), NEW_PASSWORD));
        }

        String second = forgot(clientId, poolId);
        for (int i = 0; i < 4; i++) {
            awsError("CodeMismatchException", () -> confirm(clientId, otherCode(second), NEW_PASSWORD));
        }
        confirm(clientId, second, NEW_PASSWORD);

        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void theCodeWorksOnce() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);
        confirm(clientId, code, NEW_PASSWORD);

        var e = awsError("ExpiredCodeException", () -> confirm(clientId, code, PASSWORD));

        assertThat(message(e)).isEqualTo("Invalid code provided, please request a code again.");
        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void aSecondRequestVoidsTheFirstCode() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String first = forgot(clientId, poolId);
        String second = forgot(clientId, poolId);
        assumeThat(second).isNotEqualTo(first);

        awsError("CodeMismatchException", () -> confirm(clientId, first, NEW_PASSWORD));
        confirm(clientId, second, NEW_PASSWORD);

        assertThat(adminSignIn(poolId, clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void withoutARequestThereIsNoCode() {
        String poolId = newPool();
        String clientId = setUp(poolId);

        var e = awsError("ExpiredCodeException", () -> confirm(clientId, "123456", NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Invalid code provided, please request a code again.");
        assertOldPasswordStillWorks(poolId, clientId);
    }

    @Test
    void aResetRequiredUserIsConfirmedAgain() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("alice"));
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.RESET_REQUIRED);

        confirm(clientId, lastCode(poolId, "alice"), NEW_PASSWORD);

        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(signIn(clientId, "alice", NEW_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void tokensIssuedBeforeStayValid() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        AuthenticationResultType before = adminSignIn(poolId, clientId, "alice");

        confirm(clientId, forgot(clientId, poolId), NEW_PASSWORD);

        assertThat(cognito.getUser(b -> b.accessToken(before.accessToken())).username()).isEqualTo("alice");
        assertThat(refresh(poolId, clientId, before.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void unknownUserIsUserNotFoundForALegacyClient() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("UserNotFoundException", () -> confirm(b -> b.clientId(clientId).username("nobody")
                .confirmationCode("123456").password(NEW_PASSWORD)));

        assertThat(message(e)).isEqualTo("Username/client id combination not found.");
    }

    @Test
    void unknownUserIsAMismatchWhenExistenceErrorsArePrevented() {
        String poolId = newPool();
        String clientId = passwordClient(poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));

        var e = awsError("CodeMismatchException", () -> confirm(b -> b.clientId(clientId).username("nobody")
                .confirmationCode("123456").password(NEW_PASSWORD)));

        assertThat(message(e)).isEqualTo("Invalid verification code provided, please try again.");
    }

    @Test
    void aDisabledUserIsAMismatchEvenWithTheRightCodeWhenExistenceErrorsArePrevented() {
        String poolId = newPool();
        String clientId = passwordClient(poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        String code = forgot(clientId, poolId);
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));

        var e = awsError("CodeMismatchException", () -> confirm(clientId, code, NEW_PASSWORD));

        assertThat(message(e)).isEqualTo("Invalid verification code provided, please try again.");
        cognito.adminEnableUser(b -> b.userPoolId(poolId).username("alice"));
        assertOldPasswordStillWorks(poolId, clientId);
    }

    @Test
    void secretClientNeedsTheHash() {
        String poolId = newPool();
        String clientId = passwordClient(poolId, b -> b.generateSecret(true));
        String secret = secretOf(poolId, clientId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice")
                .secretHash(secretHash(secret, "alice", clientId)));
        String code = lastCode(poolId, "alice");

        var e = awsError("NotAuthorizedException", () -> confirm(clientId, code, NEW_PASSWORD));
        assertThat(message(e)).isEqualTo("Client " + clientId
                + " is configured for secret but secret was not received");

        confirm(b -> b.clientId(clientId).username("alice").confirmationCode(code).password(NEW_PASSWORD)
                .secretHash(secretHash(secret, "alice", clientId)));
        assertThat(cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "alice",
                        "PASSWORD", NEW_PASSWORD, "SECRET_HASH", secretHash(secret, "alice", clientId))))
                .authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void aBlankCodeIsAValidationErrorAndSpendsNothing() {
        String poolId = newPool();
        String clientId = setUp(poolId);
        String code = forgot(clientId, poolId);

        var e = awsError("InvalidParameterException", () -> confirm(clientId, "", NEW_PASSWORD));

        assertThat(message(e)).startsWith("2 validation errors detected: Value '' at 'confirmationCode' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 1");
        for (int i = 0; i < 4; i++) {
            awsError("CodeMismatchException", () -> confirm(clientId, otherCode(code), NEW_PASSWORD));
        }
        confirm(clientId, code, NEW_PASSWORD);
    }
}
