package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * ConfirmSignUp through the SDK: the code from the inbox confirms the user and verifies the attribute it went to, once;
 * wrong codes, too many of them, aliases another user holds, unknown users and clients. The expiry of the code is in
 * {@link SignUpCodeExpiryTest}. Texts: cognito-errors.md section 9, self-service.md sections 3 and 5.
 */
class ConfirmSignUpTest extends SignUpFixture {

    private static final String MISMATCH = "Invalid verification code provided, please try again.";

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    /** A code that is not the one sent: six digits all the same are never it when it is a different string. */
    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void theCodeConfirmsTheUserAndVerifiesTheEmail() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "cora", attr("email", "cora@example.com"));

        cognito.confirmSignUp(b -> b.clientId(clientId).username("cora").confirmationCode(lastCode(poolId, "cora")));

        AdminGetUserResponse user = get(poolId, "cora");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(asMap(user.userAttributes())).containsEntry("email_verified", "true");
        assertThat(user.userLastModifiedDate()).isAfterOrEqualTo(user.userCreateDate());
    }

    /** Captured: jagregory/cognito-local#337 (raw AWS) for the unconfirmed sign-in. */
    @Test
    void signInWorksOnceConfirmed() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "cody", attr("email", "cody@example.com"));

        var e = awsError("UserNotConfirmedException", () -> adminSignIn(poolId, clientId, "cody"));
        confirm(clientId, "cody", lastCode(poolId, "cody"));

        assertThat(message(e)).isEqualTo("User is not confirmed.");
        assertThat(cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "cody", "PASSWORD", PASSWORD))).authenticationResult()
                .accessToken()).isNotEmpty();
    }

    /** Documented (DG2023 signing-up-users-in-your-app): only the attribute the code went to becomes verified. */
    @Test
    void aCodeSentByTextVerifiesThePhoneNumberOnly() {
        String poolId = newPool(b -> verifiesPhone(b, VerifiedAttributeType.EMAIL, VerifiedAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);
        signUp(clientId, "phoebe", attr("email", "phoebe@example.com"), attr("phone_number", "+15550100123"));

        confirm(clientId, "phoebe", lastCode(poolId, "phoebe"));

        Map<String, String> attributes = asMap(get(poolId, "phoebe").userAttributes());
        assertThat(attributes).containsEntry("phone_number_verified", "true")
                .doesNotContainEntry("email_verified", "true");
    }

    /** Captured: floci fixture confirm-sign-up.error.code-mismatch. */
    @Test
    void wrongCodeIsCodeMismatchAndTheRightOneStillWorks() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "wes", attr("email", "wes@example.com"));
        String code = lastCode(poolId, "wes");

        var e = awsError("CodeMismatchException", () -> confirm(clientId, "wes", wrong(code)));

        assertThat(message(e)).isEqualTo(MISMATCH);
        assertThat(get(poolId, "wes").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
        confirm(clientId, "wes", code);
        assertThat(get(poolId, "wes").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
    }

    /** Captured: furaiev/amazon-cognito-identity-dart-2#80 (the code is spent, the user CONFIRMED). */
    @Test
    void theCodeWorksOnce() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "una", attr("email", "una@example.com"));
        String code = lastCode(poolId, "una");
        confirm(clientId, "una", code);

        var e = awsError("NotAuthorizedException", () -> confirm(clientId, "una", code));

        assertThat(message(e)).isEqualTo("User cannot be confirmed. Current status is CONFIRMED");
    }

    /**
     * ConfirmSignUp's quota is 15 an hour (documented: limits.html); the answer past it is unconfirmed for this
     * operation (captured for ConfirmForgotPassword, aws-amplify/amplify-ui-android#180, and ChangePassword).
     */
    @Test
    void fifteenWrongCodesStopTheRightOneFromWorking() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "tim", attr("email", "tim@example.com"));
        String code = lastCode(poolId, "tim");

        for (int i = 0; i < 15; i++) {
            assertThat(message(awsError("CodeMismatchException", () -> confirm(clientId, "tim", wrong(code)))))
                    .isEqualTo(MISMATCH);
        }
        var e = awsError("LimitExceededException", () -> confirm(clientId, "tim", code));

        assertThat(message(e)).isEqualTo("Attempt limit exceeded, please try after some time.");
        assertThat(get(poolId, "tim").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
    }

    /**
     * Documented (DG managing-errors: "An account with the email already exists." for ConfirmSignUp; model:
     * ForceAliasCreation): the second confirmation of the same email alias is refused and changes nothing.
     */
    @Test
    void anEmailAliasOfAnotherUserIsAliasExists() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "first", attr("email", "al@example.com"), attr("email_verified", "true"));
        signUp(clientId, "second", attr("email", "al@example.com"));
        String code = lastCode(poolId, "second");

        var e = awsError("AliasExistsException", () -> confirm(clientId, "second", code));

        assertThat(message(e)).isEqualTo("An account with the email already exists.");
        assertThat(get(poolId, "second").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
        assertThat(get(poolId, "al@example.com").username()).isEqualTo("first");
        assertThat(asMap(get(poolId, "first").userAttributes())).containsEntry("email_verified", "true");
    }

    /** Model (ForceAliasCreation): "A value of true migrates the alias from an existing user to the new user". */
    @Test
    void forceAliasCreationMovesTheAliasToTheConfirmedUser() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "first", attr("email", "al@example.com"), attr("email_verified", "true"));
        signUp(clientId, "second", attr("email", "al@example.com"));
        String code = lastCode(poolId, "second");
        awsError("AliasExistsException", () -> confirm(clientId, "second", code));

        cognito.confirmSignUp(b -> b.clientId(clientId).username("second").confirmationCode(code)
                .forceAliasCreation(true));

        assertThat(get(poolId, "al@example.com").username()).isEqualTo("second");
        assertThat(asMap(get(poolId, "second").userAttributes())).containsEntry("email_verified", "true");
        assertThat(asMap(get(poolId, "first").userAttributes())).containsEntry("email", "al@example.com")
                .containsEntry("email_verified", "false");
        assertThat(adminSignIn(poolId, clientId, "al@example.com").accessToken()).isNotEmpty();
    }

    /** Captured for ForgotPassword (floci fixture forgot-password.unknown-user); unconfirmed for ConfirmSignUp. */
    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("UserNotFoundException", () -> confirm(clientId, "nobody", "123456"));

        assertThat(message(e)).isEqualTo("Username/client id combination not found.");
    }

    /** Documented (DG managing-errors): with PreventUserExistenceErrors an unknown user looks like a wrong code. */
    @Test
    void unknownUserLooksLikeAWrongCodeWhenTheClientHidesUsers() {
        String poolId = newPool();
        String clientId = passwordClient(poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));

        var e = awsError("CodeMismatchException", () -> confirm(clientId, "nobody", "123456"));

        assertThat(message(e)).isEqualTo(MISMATCH);
    }

    @Test
    void caseInsensitivePoolConfirmsTheUsernameInAnyCase() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameConfiguration(c -> c.caseSensitive(false)));
        String clientId = passwordClient(poolId);
        signUp(clientId, "Kim", attr("email", "kim@example.com"));

        confirm(clientId, "KIM", lastCode(poolId, "Kim"));

        assertThat(get(poolId, "kim").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void emailUsernamePoolConfirmsByTheEmail() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameAttributes(UsernameAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        String sub = signUp(clientId, "eli@example.com").userSub();

        confirm(clientId, "eli@example.com", lastCode(poolId, sub));

        AdminGetUserResponse user = get(poolId, "eli@example.com");
        assertThat(user.username()).isEqualTo(sub);
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(asMap(user.userAttributes())).containsEntry("email_verified", "true");
    }

    /** Captured: fs:14066095131 (missing SecretHash), ArranJacques/laravel-aws-cognito-auth#26 (wrong one). */
    @Test
    void clientWithASecretNeedsTheSecretHash() {
        String poolId = newPool();
        var client = newClient(poolId, b -> b.generateSecret(true));
        String clientId = client.clientId();
        cognito.signUp(b -> b.clientId(clientId).username("sal").password(PASSWORD)
                .userAttributes(attr("email", "sal@example.com"))
                .secretHash(secretHash(client.clientSecret(), "sal", clientId)));
        String code = lastCode(poolId, "sal");

        var missing = awsError("NotAuthorizedException", () -> confirm(clientId, "sal", code));
        var wrong = awsError("NotAuthorizedException", () -> cognito.confirmSignUp(b -> b.clientId(clientId)
                .username("sal").confirmationCode(code).secretHash(secretHash("other", "sal", clientId))));

        assertThat(message(missing)).isEqualTo("Client " + clientId + " is configured for secret but secret was not "
                + "received");
        assertThat(message(wrong)).isEqualTo("Unable to verify secret hash for client " + clientId);
        assertThat(get(poolId, "sal").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
        cognito.confirmSignUp(b -> b.clientId(clientId).username("sal").confirmationCode(code)
                .secretHash(secretHash(client.clientSecret(), "sal", clientId)));
        assertThat(get(poolId, "sal").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
    }

    /** The model's constraints on ConfirmationCode (1 to 2048, {@code [\S]+}), in the captured validation form. */
    @Test
    void emptyCodeIsAValidationError() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "vera", attr("email", "vera@example.com"));

        var e = awsError("InvalidParameterException", () -> confirm(clientId, "vera", ""));

        assertThat(message(e)).isEqualTo("2 validation errors detected: Value '' at 'confirmationCode' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 1; Value '' at "
                + "'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\S]+");
        assertThat(get(poolId, "vera").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
    }

    /** Captured: aws/aws-sdk-php#2183. */
    @Test
    void unknownClientIsResourceNotFound() {
        String clientId = "1example23456789abcdefghij";

        var e = awsError("ResourceNotFoundException", () -> confirm(clientId, "ray", "123456"));

        assertThat(message(e)).isEqualTo("User pool client " + clientId + " does not exist.");
    }
}
