package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MFAOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * ForgotPassword: where the code goes (AccountRecoverySetting, or the legacy order), who may not reset, what an
 * unknown user gets, the message, and that nothing else changes until ConfirmForgotPassword.
 *
 * <p>Sources (research self-service.md sections 2 and 6, cognito-errors.md): "Username/client id combination not
 * found." (floci fixture forgot-password.unknown-user), "Cannot reset password for the user as there is no
 * registered/verified email or phone_number" (aws/aws-sdk-js-v3#7101), "User password cannot be reset in the current
 * state." (amazon-cognito-identity-js#532), "User is disabled." (captured*, wrapper docs), the legacy order
 * (developer guide how-to-recover-a-user-account), the default reset text "Your password reset code is {####}" with
 * the subject "Your verification code" (WikiWatershed/monitor-my-watershed#636), masks {@code a***@e***} (floci
 * sign-up.happy) and {@code +*******0123} (captured*). "Contact administrator to reset password." for admin_only is
 * moto's (unconfirmed), as is the form of a simulated destination.
 */
class ForgotPasswordTest extends AccountsTestSupport {

    private static final String EMAIL_MASK = "a***@e***";
    private static final String PHONE = "+15555550123";
    private static final String PHONE_MASK = "+*******0123";
    private static final MFAOptionType SMS_MFA = MFAOptionType.builder().attributeName("phone_number")
            .deliveryMedium(DeliveryMediumType.SMS).build();

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("forgot").aliasAttributes(AliasAttributeType.EMAIL);
    }

    private String pool(RecoveryOptionType... mechanisms) {
        return newPool(b -> poolSettings(b.accountRecoverySetting(r -> r.recoveryMechanisms(mechanisms))));
    }

    private static RecoveryOptionType option(RecoveryOptionNameType name, int priority) {
        return RecoveryOptionType.builder().name(name).priority(priority).build();
    }

    private static AttributeType[] bothVerified() {
        return new AttributeType[] {attr("email", "alice@example.com"), attr("email_verified", "true"),
            attr("phone_number", PHONE), attr("phone_number_verified", "true")};
    }

    private CodeDeliveryDetailsType forgot(String clientId, String username) {
        return forgot(b -> b.clientId(clientId).username(username));
    }

    private CodeDeliveryDetailsType forgot(Consumer<ForgotPasswordRequest.Builder> request) {
        return cognito.forgotPassword(request).codeDeliveryDetails();
    }

    private static void assertDelivery(CodeDeliveryDetailsType details, String attribute, DeliveryMediumType medium,
            String destination) {
        assertThat(details.attributeName()).isEqualTo(attribute);
        assertThat(details.deliveryMedium()).isEqualTo(medium);
        assertThat(details.destination()).isEqualTo(destination);
    }

    // --- where the code goes --------------------------------------------------------------------------------

    @Test
    void verifiedEmailFirstSendsTheCodeByEmail() {
        String poolId = pool(option(RecoveryOptionNameType.VERIFIED_EMAIL, 1),
                option(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER, 2));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());

        assertDelivery(forgot(clientId, "alice"), "email", DeliveryMediumType.EMAIL, EMAIL_MASK);

        Message sent = lastMessage(poolId, "alice");
        assertThat(sent.kind()).isEqualTo("ForgotPassword");
        assertThat(sent.deliveryMedium()).isEqualTo("EMAIL");
        assertThat(sent.destination()).isEqualTo("alice@example.com");
        assertThat(sent.code()).matches("\\d{6}");
        assertThat(sent.subject()).isEqualTo("Your verification code");
        assertThat(sent.message()).isEqualTo("Your password reset code is " + sent.code());
        assertThat(messages(poolId)).hasSize(1);
    }

    @Test
    void verifiedPhoneFirstSendsTheCodeBySms() {
        String poolId = pool(option(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER, 1),
                option(RecoveryOptionNameType.VERIFIED_EMAIL, 2));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());

        assertDelivery(forgot(clientId, "alice"), "phone_number", DeliveryMediumType.SMS, PHONE_MASK);

        Message sent = lastMessage(poolId, "alice");
        assertThat(sent.deliveryMedium()).isEqualTo("SMS");
        assertThat(sent.destination()).isEqualTo(PHONE);
        assertThat(sent.subject()).isNull();
        assertThat(sent.message()).isEqualTo("Your password reset code is " + sent.code());
    }

    @Test
    void anUnverifiedFirstChoiceFallsBackToTheNext() {
        String poolId = pool(option(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER, 1),
                option(RecoveryOptionNameType.VERIFIED_EMAIL, 2));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("email_verified", "true"),
                attr("phone_number", PHONE), attr("phone_number_verified", "false"));

        assertDelivery(forgot(clientId, "alice"), "email", DeliveryMediumType.EMAIL, EMAIL_MASK);
    }

    @Test
    void priorityDecidesNotTheOrderGiven() {
        String poolId = pool(option(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER, 2),
                option(RecoveryOptionNameType.VERIFIED_EMAIL, 1));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());

        assertDelivery(forgot(clientId, "alice"), "email", DeliveryMediumType.EMAIL, EMAIL_MASK);
    }

    @Test
    void withARecoverySettingSmsMfaDisqualifiesThePhone() {
        String poolId = pool(option(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER, 1),
                option(RecoveryOptionNameType.VERIFIED_EMAIL, 2));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());
        confirmedUser(poolId, "bob", attr("phone_number", PHONE), attr("phone_number_verified", "true"));
        for (String username : new String[] {"alice", "bob"}) {
            cognito.adminSetUserSettings(b -> b.userPoolId(poolId).username(username)
                    .mfaOptions(SMS_MFA));
        }

        // "SMS doesn't qualify for a valid password recovery mechanism if the user also has SMS multi-factor
        // authentication (MFA) activated" (documented: CloudFormation AccountRecoverySetting, developer guide).
        assertDelivery(forgot(clientId, "alice"), "email", DeliveryMediumType.EMAIL, EMAIL_MASK);
        var e = awsError("InvalidParameterException", () -> forgot(clientId, "bob"));
        assertThat(message(e)).startsWith("Cannot reset password for the user");
    }

    @Test
    void withoutARecoverySettingSmsMfaDoesNotMatter() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());
        cognito.adminSetUserSettings(b -> b.userPoolId(poolId).username("alice")
                .mfaOptions(SMS_MFA));

        assertDelivery(forgot(clientId, "alice"), "phone_number", DeliveryMediumType.SMS, PHONE_MASK);
    }

    @Test
    void withoutARecoverySettingAVerifiedPhoneComesBeforeEmail() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());
        confirmedUser(poolId, "bob", verifiedEmail("bob"));

        assertDelivery(forgot(clientId, "alice"), "phone_number", DeliveryMediumType.SMS, PHONE_MASK);
        assertDelivery(forgot(clientId, "bob"), "email", DeliveryMediumType.EMAIL, "b***@e***");
    }

    @Test
    void theVerifiedEmailAliasNamesTheUser() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        assertDelivery(forgot(clientId, "alice@example.com"), "email", DeliveryMediumType.EMAIL, EMAIL_MASK);
        assertThat(lastMessage(poolId, "alice").kind()).isEqualTo("ForgotPassword");
    }

    @Test
    void thePoolsTemplateIsUsed() {
        String poolId = newPool(b -> poolSettings(b.verificationMessageTemplate(t -> t
                .emailMessage("Reset with {####} now").emailSubject("Reset your password")
                .smsMessage("SMS code {####}"))));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        confirmedUser(poolId, "bob", attr("phone_number", PHONE), attr("phone_number_verified", "true"));

        forgot(clientId, "alice");
        forgot(clientId, "bob");

        Message email = lastMessage(poolId, "alice");
        assertThat(email.subject()).isEqualTo("Reset your password");
        assertThat(email.message()).isEqualTo("Reset with " + email.code() + " now");
        Message sms = lastMessage(poolId, "bob");
        assertThat(sms.message()).isEqualTo("SMS code " + sms.code());
    }

    @Test
    void aPoolThatConfirmsSignUpsWithALinkStillSendsACode() {
        String poolId = newPool(b -> poolSettings(b.verificationMessageTemplate(t -> t
                .defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_LINK)
                .emailMessageByLink("Click {##here##}").emailSubjectByLink("Your link"))));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        forgot(clientId, "alice");

        // Password-reset e-mails use the code template (documented: message-customizations.html).
        Message sent = lastMessage(poolId, "alice");
        assertThat(sent.subject()).isEqualTo("Your verification code");
        assertThat(sent.message()).isEqualTo("Your password reset code is " + sent.code());
    }

    // --- nothing changes yet --------------------------------------------------------------------------------

    @Test
    void statusAndPasswordStayUntilTheResetIsConfirmed() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        forgot(clientId, "alice");

        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
        assertThat(signIn(clientId, "alice", PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void aResetRequiredUserMayAskForAnotherCode() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("alice"));

        assertDelivery(forgot(clientId, "alice"), "email", DeliveryMediumType.EMAIL, EMAIL_MASK);
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.RESET_REQUIRED);
    }

    // --- refusals -------------------------------------------------------------------------------------------

    @Test
    void adminOnlyRecoveryRefusesSelfService() {
        String poolId = pool(option(RecoveryOptionNameType.ADMIN_ONLY, 1));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", bothVerified());

        var e = awsError("NotAuthorizedException", () -> forgot(clientId, "alice"));

        assertThat(message(e)).isEqualTo("Contact administrator to reset password.");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void noVerifiedContactIsInvalidParameter() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("phone_number", PHONE));
        confirmedUser(poolId, "bob");

        for (String username : new String[] {"alice", "bob"}) {
            var e = awsError("InvalidParameterException", () -> forgot(clientId, username));
            assertThat(message(e)).isEqualTo("Cannot reset password for the user as there is no "
                    + "registered/verified email or phone_number");
        }
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void aVerifiedContactTheSettingDoesNotNameIsNoRecoveryTarget() {
        String poolId = pool(option(RecoveryOptionNameType.VERIFIED_EMAIL, 1));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("phone_number", PHONE), attr("phone_number_verified", "true"));

        var e = awsError("InvalidParameterException", () -> forgot(clientId, "alice"));

        assertThat(message(e)).startsWith("Cannot reset password for the user");
    }

    @Test
    void forceChangePasswordUserCannotReset() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        forceChangeUser(poolId, "alice", verifiedEmail("alice"));

        var e = awsError("NotAuthorizedException", () -> forgot(clientId, "alice"));

        assertThat(message(e)).isEqualTo("User password cannot be reset in the current state.");
        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void disabledUserCannotReset() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));

        var e = awsError("NotAuthorizedException", () -> forgot(clientId, "alice"));

        assertThat(message(e)).isEqualTo("User is disabled.");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void unknownUserIsUserNotFoundForALegacyClient() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("UserNotFoundException", () -> forgot(clientId, "nobody"));

        assertThat(message(e)).isEqualTo("Username/client id combination not found.");
    }

    @Test
    void unknownOrDisabledUserGetsASimulatedDeliveryWhenExistenceErrorsArePrevented() {
        String poolId = newPool();
        String clientId = passwordClient(poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
        confirmedUser(poolId, "carol", verifiedEmail("carol"));
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("carol"));

        CodeDeliveryDetailsType byEmail = forgot(clientId, "nobody@example.com");
        CodeDeliveryDetailsType byName = forgot(clientId, "nobody");
        CodeDeliveryDetailsType disabled = forgot(clientId, "carol");

        assertDelivery(byEmail, "email", DeliveryMediumType.EMAIL, "n***@e***");
        for (CodeDeliveryDetailsType details : new CodeDeliveryDetailsType[] {byName, disabled}) {
            assertThat(details.attributeName()).isEqualTo("email");
            assertThat(details.deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
            assertThat(details.destination()).matches(".\\*\\*\\*@.\\*\\*\\*");
        }
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void unknownClientIsResourceNotFound() {
        var e = awsError("ResourceNotFoundException", () -> forgot("1example23456789abcdefghij", "alice"));

        assertThat(message(e)).isEqualTo("User pool client 1example23456789abcdefghij does not exist.");
    }

    // --- SecretHash (texts: cognito-errors.md section 8; a missing one as AWS answered SignUp: fs:14066095131) ---

    @Test
    void secretClientNeedsTheHashOfTheUsername() {
        String poolId = newPool();
        String clientId = passwordClient(poolId, b -> b.generateSecret(true));
        String secret = secretOf(poolId, clientId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        var missing = awsError("NotAuthorizedException", () -> forgot(clientId, "alice"));
        var wrong = awsError("NotAuthorizedException", () -> forgot(b -> b.clientId(clientId).username("alice")
                .secretHash(secretHash(secret, "bob", clientId))));
        assertThat(message(missing)).isEqualTo("Client " + clientId
                + " is configured for secret but secret was not received");
        assertThat(message(wrong)).isEqualTo("Unable to verify secret hash for client " + clientId);
        assertThat(messages(poolId)).isEmpty();

        CodeDeliveryDetailsType details = forgot(b -> b.clientId(clientId).username("alice")
                .secretHash(secretHash(secret, "alice", clientId)));
        assertDelivery(details, "email", DeliveryMediumType.EMAIL, EMAIL_MASK);
    }

    @Test
    void secretHashSentToAClientWithoutSecret() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", verifiedEmail("alice"));

        var e = awsError("InvalidParameterException", () -> forgot(b -> b.clientId(clientId).username("alice")
                .secretHash(secretHash("any", "alice", clientId))));

        assertThat(message(e)).isEqualTo("App client " + clientId
                + " is not configured for secret but secret hash was received");
    }

    // --- bad input ------------------------------------------------------------------------------------------

    @Test
    void emptyUsernameIsAValidationError() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> forgot(clientId, ""));

        // The form of SignUp's captured answer (amazon-cognito-identity-js#388): a sensitive member's value left out.
        assertThat(message(e)).isEqualTo("2 validation errors detected: Value at 'username' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 1; Value at 'username' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        assertThat(messages(poolId)).isEmpty();
    }
}
