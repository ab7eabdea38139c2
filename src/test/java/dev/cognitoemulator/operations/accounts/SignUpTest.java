package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.UUID;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * SignUp through the SDK: the answer (UserConfirmed, UserSub, the masked CodeDeliveryDetails), the user it makes, where
 * the code goes, and every refusal with its text, each leaving the pool as it was. Facts and texts:
 * /work/research/self-service.md sections 2 and 4, cognito-errors.md sections 2, 4, 6, 7 and 8.
 */
class SignUpTest extends SignUpFixture {

    private static final String SCHEMA_PREFIX = "Attributes did not conform to the schema: ";

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    // ---- the answer and the user ----

    /** Captured: floci fixture sign-up.happy ({@code f***@e***}, UserConfirmed false, no Session). */
    @Test
    void signUpAnswersUnconfirmedWithTheSubAndWhereTheCodeWent() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "fixture", attr("email", "fixture@example.com"),
                attr("given_name", "Fix"));

        assertThat(response.userConfirmed()).isFalse();
        assertThat(response.userSub()).matches(UUID);
        assertThat(response.session()).isNull();
        assertThat(response.codeDeliveryDetails()).isEqualTo(CodeDeliveryDetailsType.builder()
                .attributeName("email").deliveryMedium(DeliveryMediumType.EMAIL).destination("f***@e***").build());
        AdminGetUserResponse user = get(poolId, "fixture");
        assertThat(user.username()).isEqualTo("fixture");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
        assertThat(user.enabled()).isTrue();
        Map<String, String> attributes = asMap(user.userAttributes());
        assertThat(attributes).containsEntry("sub", response.userSub())
                .containsEntry("email", "fixture@example.com").containsEntry("given_name", "Fix")
                .doesNotContainEntry("email_verified", "true");
    }

    /** The code went to the inbox: kind SignUp, the address unmasked, Cognito's default text (self-service.md 1.2). */
    @Test
    void theCodeGoesToTheInboxWithTheDefaultText() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        signUp(clientId, "fixture", attr("email", "fixture@example.com"));

        Message message = onlyMessage(poolId);
        assertThat(message.code()).matches(SIX_DIGITS);
        assertThat(message).extracting(Message::userPoolId, Message::username, Message::destination,
                Message::deliveryMedium, Message::kind, Message::subject, Message::message)
                .containsExactly(poolId, "fixture", "fixture@example.com", "EMAIL", "SignUp",
                        "Your verification code", "Your verification code is " + message.code() + ". ");
    }

    @Test
    void everySignUpGetsItsOwnSub() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        String first = signUp(clientId, "ann").userSub();
        String second = signUp(clientId, "ben").userSub();

        assertThat(first).isNotEqualTo(second);
        assertThat(get(poolId, "ben").userAttributes()).contains(attr("sub", second));
    }

    /**
     * Documented (DG2023 signing-up-users-in-your-app): with both verified and both given, the code goes only to the
     * phone; the mask keeps the last four digits (self-service.md section 2, captured*).
     */
    @Test
    void phoneNumberIsChosenBeforeEmail() {
        String poolId = newPool(b -> verifiesPhone(b, VerifiedAttributeType.EMAIL, VerifiedAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "pat", attr("email", "pat@example.com"),
                attr("phone_number", "+15550100123"));

        assertThat(response.codeDeliveryDetails()).isEqualTo(CodeDeliveryDetailsType.builder()
                .attributeName("phone_number").deliveryMedium(DeliveryMediumType.SMS).destination("+*******0123")
                .build());
        Message message = onlyMessage(poolId);
        assertThat(message).extracting(Message::destination, Message::deliveryMedium, Message::subject,
                Message::message).containsExactly("+15550100123", "SMS", null,
                        "Your verification code is " + message.code() + ". ");
    }

    @Test
    void emailIsUsedWhenThePhoneNumberIsMissing() {
        String poolId = newPool(b -> verifiesPhone(b, VerifiedAttributeType.EMAIL, VerifiedAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "eve", attr("email", "eve@example.com"));

        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("e***@e***");
        assertThat(onlyMessage(poolId).deliveryMedium()).isEqualTo("EMAIL");
    }

    /** Captured: moto's AWS-verified test_sign_up and test_sign_up_with_unverified_email. */
    @Test
    void withoutAutoVerificationNoCodeIsSent() {
        String poolId = newPool(b -> b.poolName("unverified"));
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "ned", attr("email", "ned@example.com"));

        assertThat(response.userConfirmed()).isFalse();
        assertThat(response.userSub()).matches(UUID);
        assertThat(response.codeDeliveryDetails()).isNull();
        assertThat(messages(poolId)).isEmpty();
        assertThat(get(poolId, "ned").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
    }

    /** Captured: moto's AWS-verified test_sign_up_with_verified_but_not_supplied_email. */
    @Test
    void withoutTheVerifiedAttributeNoCodeIsSent() {
        String poolId = newPool(b -> verifiesPhone(b, VerifiedAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "nia", attr("email", "nia@example.com"));

        assertThat(response.codeDeliveryDetails()).isNull();
        assertThat(messages(poolId)).isEmpty();
    }

    // ---- passwords ----

    /** Captured: amplify-js#1164 (symbol); captured*: the other rules (cognito-errors.md section 7). */
    @ParameterizedTest
    @CsvSource({
        "Sh0rt!, Password not long enough",
        "passw0rd!, Password must have uppercase characters",
        "PASSW0RD!, Password must have lowercase characters",
        "Password!, Password must have numeric characters",
        "Passw0rd1, Password must have symbol characters"})
    void passwordMustMeetThePolicy(String password, String rule) {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidPasswordException", () -> cognito.signUp(b -> b.clientId(clientId)
                .username("pam").password(password).userAttributes(attr("email", "pam@example.com"))));

        assertThat(message(e)).isEqualTo("Password did not conform with policy: " + rule);
        assertNothingStored(poolId);
    }

    /** Unconfirmed text: the model's answer for the member before it became optional (self-service.md 4). */
    @Test
    void passwordIsRequiredWithoutPasswordlessSignIn() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> cognito.signUp(b -> b.clientId(clientId)
                .username("pia").userAttributes(attr("email", "pia@example.com"))));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value null at 'password' failed to satisfy "
                + "constraint: Member must not be null");
        assertNothingStored(poolId);
    }

    // ---- attributes ----

    /** Captured: aws-amplify/amplify-flutter#509 (one line each, each ending in a newline). */
    @Test
    void attributesOutsideTheSchemaAreRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "sam",
                attr("custom:firstName", "Sam"), attr("custom:lastName", "Smith")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "custom:firstName: Attribute does not exist in the schema.\n"
                + "custom:lastName: Attribute does not exist in the schema.\n");
        assertNothingStored(poolId);
    }

    /** Captured: jonsaw/amazon-cognito-identity-dart#32 (lower-case "the"). */
    @Test
    void requiredAttributesMustBeGiven() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL).schema(
                SchemaAttributeType.builder().name("email").attributeDataType(AttributeDataType.STRING)
                        .required(true).mutable(true).build()));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "rae", attr("given_name", "Rae")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "email: the attribute is required\n");
        assertNothingStored(poolId);
        assertThat(signUp(clientId, "rae", attr("email", "rae@example.com")).userSub()).matches(UUID);
    }

    /** Captured: aws-amplify/amplify-js#8274. */
    @Test
    void phoneNumberOutsideE164IsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "phil",
                attr("phone_number", "555-0100")));

        assertThat(message(e)).isEqualTo("Invalid phone number format.");
        assertNothingStored(poolId);
    }

    /** Captured: aws/aws-sdk-js#3603. */
    @Test
    void clientMayWriteOnlyItsWriteAttributes() {
        String poolId = newPool();
        String clientId = passwordClient(poolId, b -> b.writeAttributes("email"));

        var e = awsError("NotAuthorizedException", () -> signUp(clientId, "wil", attr("email", "wil@example.com"),
                attr("given_name", "Wil")));

        assertThat(message(e)).isEqualTo("A client attempted to write unauthorized attribute");
        assertNothingStored(poolId);
        assertThat(signUp(clientId, "wil", attr("email", "wil@example.com")).codeDeliveryDetails()).isNotNull();
    }

    /** Captured: aws/aws-sdk-js#3603 names email_verified; only verification sets it (aws-sdk-android#142). */
    @Test
    void emailVerifiedIsNotWritableAtSignUp() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("NotAuthorizedException", () -> signUp(clientId, "vic", attr("email", "vic@example.com"),
                attr("email_verified", "true")));

        assertThat(message(e)).isEqualTo("A client attempted to write unauthorized attribute");
        assertNothingStored(poolId);
    }

    /** Captured: aws-samples/aws-saas-factory-eks-reference-architecture#53 (AdminCreateUser, same rule). */
    @Test
    void attributeWithoutValueIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "nel", attr("email", null)));

        assertThat(message(e)).isEqualTo("Attribute value for email must not be null");
        assertNothingStored(poolId);
    }

    /** Cognito gives the sub; cognito-errors.md section 4 (immutable, quoted-by-emulator wording). */
    @Test
    void subCannotBeGiven() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "sol",
                attr("sub", "11111111-2222-3333-4444-555555555555")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "sub: Attribute cannot be updated. (changing an immutable "
                + "attribute)\n");
        assertNothingStored(poolId);
    }

    /** Unconfirmed wording (no capture of the type texts; AttributeRules chose them in Cognito's style). */
    @Test
    void customAttributeOfTheWrongTypeIsRefused() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL).schema(
                SchemaAttributeType.builder().name("age").attributeDataType(AttributeDataType.NUMBER).build()));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "ty", attr("custom:age", "old")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "custom:age: Number is not valid\n");
        assertNothingStored(poolId);
        signUp(clientId, "ty", attr("custom:age", "42"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("ty")).userAttributes())
                .contains(attr("custom:age", "42"));
    }

    // ---- usernames ----

    /** In a pool signing in with email, the stored username is the sub (cognito-errors.md section 6). */
    @Test
    void emailUsernamePoolStoresTheSubAsUsername() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameAttributes(UsernameAttributeType.EMAIL));
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "una@example.com");

        AdminGetUserResponse user = get(poolId, "una@example.com");
        assertThat(user.username()).isEqualTo(response.userSub());
        assertThat(asMap(user.userAttributes())).containsEntry("email", "una@example.com");
        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("u***@e***");
        assertThat(onlyMessage(poolId).username()).isEqualTo(response.userSub());
    }

    @Test
    void phoneUsernamePoolTextsTheCodeToTheUsername() {
        String poolId = newPool(b -> verifiesPhone(b.usernameAttributes(UsernameAttributeType.PHONE_NUMBER),
                VerifiedAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);

        SignUpResponse response = signUp(clientId, "+15550100123");

        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("+*******0123");
        AdminGetUserResponse user = get(poolId, "+15550100123");
        assertThat(user.username()).isEqualTo(response.userSub());
        assertThat(asMap(user.userAttributes())).containsEntry("phone_number", "+15550100123");
    }

    /** Quoted by jagregory/cognito-local#102 from AWS. */
    @Test
    void emailUsernamePoolRefusesADifferentEmailAttribute() {
        String poolId = newPool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "una@example.com",
                attr("email", "other@example.com")));

        assertThat(message(e)).isEqualTo("User email should be empty or same as username, since username attribute "
                + "is email");
        assertNothingStored(poolId);
    }

    /** Captured: aws-samples/sample-aws-genai-ops-demos#2 (AdminCreateUser; the same username rules). */
    @Test
    void emailUsernamePoolRefusesAUsernameThatIsNotAnEmail() {
        String poolId = newPool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "una"));

        assertThat(message(e)).isEqualTo("Username should be an email.");
        assertNothingStored(poolId);
    }

    /** Captured: aws-amplify/amplify-js#533. */
    @Test
    void emailOrPhonePoolRefusesAUsernameThatIsNeither() {
        String poolId = newPool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL,
                UsernameAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "una"));

        assertThat(message(e)).isEqualTo("Username should be either an email or a phone number.");
        assertNothingStored(poolId);
    }

    /** Captured: jonsaw/amazon-cognito-identity-dart#73, aws/aws-sdk-js#4308; here against an UNCONFIRMED user. */
    @Test
    void emailUsernamePoolRefusesASecondSignUpWithTheEmail() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameAttributes(UsernameAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        String sub = signUp(clientId, "una@example.com").userSub();

        var e = awsError("UsernameExistsException", () -> signUp(clientId, "una@example.com"));

        assertThat(message(e)).isEqualTo("An account with the given email already exists.");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).singleElement()
                .satisfies(u -> assertThat(u.username()).isEqualTo(sub));
        assertThat(messages(poolId)).hasSize(1);
    }

    /** Captured: amazon-archives/aws-cognito-angular-quickstart#17. */
    @Test
    void emailAliasPoolRefusesAUsernameOfEmailFormat() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.EMAIL));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "al@example.com"));

        assertThat(message(e)).isEqualTo("Username cannot be of email format, since user pool is configured for "
                + "email alias.");
        assertNothingStored(poolId);
    }

    /**
     * Documented (DG managing-errors) and captured* (amazon-cognito-js#23): an email is an alias only once verified,
     * so a sign-up may give another user's verified email; the conflict comes at ConfirmSignUp.
     */
    @Test
    void emailAliasPoolAcceptsAnEmailAnotherUserHasVerified() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "first", attr("email", "al@example.com"), attr("email_verified", "true"));

        SignUpResponse response = signUp(clientId, "second", attr("email", "al@example.com"));

        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("a***@e***");
        assertThat(get(poolId, "al@example.com").username()).isEqualTo("first");
    }

    /** A preferred_username is an alias as soon as it is set; the text has the captured email text's form. */
    @Test
    void preferredUsernameOfAnotherUserIsUsernameExists() {
        String poolId = newPool(b -> b.aliasAttributes(AliasAttributeType.PREFERRED_USERNAME));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "first", attr("preferred_username", "ace"));

        var e = awsError("UsernameExistsException", () -> signUp(clientId, "second",
                attr("preferred_username", "ace")));

        assertThat(message(e)).isEqualTo("An account with the given preferred_username already exists.");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).hasSize(1);
    }

    /** Captured: floci fixture sign-up.error.username-exists, recorded against the still UNCONFIRMED user. */
    @Test
    void takenUsernameIsUsernameExistsEvenWhileUnconfirmed() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        String sub = signUp(clientId, "uri", attr("email", "uri@example.com")).userSub();

        var e = awsError("UsernameExistsException", () -> signUp(clientId, "uri",
                attr("email", "other@example.com")));

        assertThat(message(e)).isEqualTo("User already exists");
        AdminGetUserResponse user = get(poolId, "uri");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
        assertThat(asMap(user.userAttributes())).containsEntry("sub", sub).containsEntry("email", "uri@example.com");
        assertThat(messages(poolId)).hasSize(1);
    }

    @Test
    void caseInsensitivePoolTreatsTheSameNameInAnyCaseAsTaken() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameConfiguration(c -> c.caseSensitive(false)));
        String clientId = passwordClient(poolId);
        signUp(clientId, "Carol", attr("email", "carol@example.com"));

        var e = awsError("UsernameExistsException", () -> signUp(clientId, "cAROL"));

        assertThat(message(e)).isEqualTo("User already exists");
        assertThat(get(poolId, "CAROL").username()).isEqualTo("Carol");
    }

    @Test
    void caseSensitivePoolKeepsNamesDifferingInCaseApart() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        signUp(clientId, "Dora");
        signUp(clientId, "dora");

        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).hasSize(2);
    }

    // ---- the client and the pool ----

    /** Captured: the raw answer to a SignUp without SecretHash (fs:14066095131) and "Unable to verify" (section 8). */
    @Test
    void clientWithASecretNeedsTheSecretHash() {
        String poolId = newPool();
        var client = newClient(poolId, b -> b.generateSecret(true));
        String clientId = client.clientId();

        var missing = awsError("NotAuthorizedException", () -> signUp(clientId, "sid"));
        var wrong = awsError("NotAuthorizedException", () -> cognito.signUp(b -> b.clientId(clientId)
                .username("sid").password(PASSWORD).secretHash(secretHash(client.clientSecret(), "sue", clientId))));

        assertThat(message(missing)).isEqualTo("Client " + clientId + " is configured for secret but secret was not "
                + "received");
        assertThat(message(wrong)).isEqualTo("Unable to verify secret hash for client " + clientId);
        assertNothingStored(poolId);
        assertThat(cognito.signUp(b -> b.clientId(clientId).username("sid").password(PASSWORD)
                .secretHash(secretHash(client.clientSecret(), "sid", clientId))).userSub()).matches(UUID);
    }

    /** Captured: keivanK1/Cognito-Android-Studio#1. */
    @Test
    void secretHashForAClientWithoutASecretIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> cognito.signUp(b -> b.clientId(clientId)
                .username("sid").password(PASSWORD).secretHash("bm9wZQ==")));

        assertThat(message(e)).isEqualTo("App client " + clientId
                + " is not configured for secret but secret hash was received");
        assertNothingStored(poolId);
    }

    /** Captured: pmill/aws-cognito#37. */
    @Test
    void adminCreateUserOnlyPoolRefusesSignUp() {
        String poolId = newPool(b -> b.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true)));
        String clientId = passwordClient(poolId);

        var e = awsError("NotAuthorizedException", () -> signUp(clientId, "ada", attr("email", "ada@example.com")));

        assertThat(message(e)).isEqualTo("SignUp is not permitted for this user pool");
        assertNothingStored(poolId);
    }

    /** Captured: aws-amplify/amplify-js#4489 (raw body, "use pool" as AWS writes it); the emulator has no domains. */
    @Test
    void confirmationLinkWithoutADomainIsRefused() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_LINK)
                        .emailMessageByLink("Click {##Verify Email##}").emailSubjectByLink("Verify")));
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, "lin",
                attr("email", "lin@example.com")));

        assertThat(message(e)).isEqualTo("Cannot perform specific action because there does not exist a valid use "
                + "pool domain associated with the user pool");
        assertNothingStored(poolId);
    }

    /** Captured: aws/aws-sdk-php#2183. */
    @Test
    void unknownClientIsResourceNotFound() {
        String clientId = "1example23456789abcdefghij";

        var e = awsError("ResourceNotFoundException", () -> signUp(clientId, "ray"));

        assertThat(message(e)).isEqualTo("User pool client " + clientId + " does not exist.");
    }

    /** Captured form (amazon-archives/amazon-cognito-identity-js#388): Username is sensitive, so no value. */
    @Test
    void emptyUsernameIsAValidationError() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("InvalidParameterException", () -> signUp(clientId, ""));

        assertThat(message(e)).isEqualTo("2 validation errors detected: Value at 'username' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 1; Value at 'username' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        assertNothingStored(poolId);
    }
}
