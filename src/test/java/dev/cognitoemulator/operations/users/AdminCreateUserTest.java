package dev.cognitoemulator.operations.users;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.UUID;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * AdminCreateUser: the new user, unique usernames (with the pool's case rule), sign-in-attribute and alias
 * pools, schema checks, the temporary password policy and MessageAction RESEND.
 */
class AdminCreateUserTest extends CognitoTestSupport {

    private static final String SCHEMA_PREFIX = "Attributes did not conform to the schema: ";

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("users").schema(
                SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING).build(),
                SchemaAttributeType.builder().name("code").attributeDataType(AttributeDataType.STRING)
                        .mutable(false).build(),
                SchemaAttributeType.builder().name("secret").attributeDataType(AttributeDataType.STRING)
                        .developerOnlyAttribute(true).build());
    }

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    @Test
    void newUserHasASubAndIsEnabledInForceChangePassword() {
        String poolId = newPool();
        Instant before = Instant.now().minusSeconds(1);

        UserType user = newUser(poolId, "alice", attr("email", "alice@example.com"), attr("given_name", "Alice"));

        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(user.enabled()).isTrue();
        assertThat(user.userCreateDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(user.userLastModifiedDate()).isEqualTo(user.userCreateDate());
        Map<String, String> attributes = asMap(user.attributes());
        assertThat(attributes.get("sub")).matches(UUID);
        assertThat(attributes).containsEntry("email", "alice@example.com").containsEntry("given_name", "Alice");
    }

    @Test
    void createdUserReadsBackTheSame() {
        String poolId = newPool();
        UserType created = newUser(poolId, "bob", attr("custom:tier", "gold"));

        AdminGetUserResponse read = get(poolId, "bob");

        assertThat(read.username()).isEqualTo("bob");
        assertThat(asMap(read.userAttributes())).isEqualTo(asMap(created.attributes()));
        assertThat(read.userCreateDate()).isEqualTo(created.userCreateDate());
        assertThat(read.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(read.enabled()).isTrue();
    }

    @Test
    void everyUserGetsItsOwnSub() {
        String poolId = newPool();

        String a = asMap(newUser(poolId, "a").attributes()).get("sub");
        String b = asMap(newUser(poolId, "b").attributes()).get("sub");

        assertThat(a).matches(UUID).isNotEqualTo(b);
    }

    @Test
    void immutableAndDeveloperOnlyAttributesCanBeSetAtCreation() {
        String poolId = newPool();

        UserType user = newUser(poolId, "carol", attr("custom:code", "X1"), attr("dev:custom:secret", "s"));

        assertThat(asMap(user.attributes())).containsEntry("custom:code", "X1").containsEntry("dev:custom:secret", "s");
    }

    @Test
    void takenUsernameIsUsernameExists() {
        String poolId = newPool();
        newUser(poolId, "dave");

        // Captured: localstack/localstack#4465 (AWS CLI against AWS).
        var e = awsError("UsernameExistsException", () -> newUser(poolId, "dave"));

        assertThat(message(e)).isEqualTo("User account already exists");
    }

    @Test
    void usernamesAreCaseSensitiveByDefault() {
        String poolId = newPool();

        String upper = asMap(newUser(poolId, "Alice").attributes()).get("sub");
        String lower = asMap(newUser(poolId, "alice").attributes()).get("sub");

        assertThat(upper).isNotEqualTo(lower);
        assertThat(get(poolId, "Alice").username()).isEqualTo("Alice");
        assertThat(get(poolId, "alice").username()).isEqualTo("alice");
        awsError("UserNotFoundException", () -> get(poolId, "ALICE"));
    }

    @Test
    void caseInsensitivePoolTreatsAliceAndAliceAsOneUser() {
        String poolId = newPool(b -> b.poolName("ci").usernameConfiguration(u -> u.caseSensitive(false)));
        String sub = asMap(newUser(poolId, "Alice").attributes()).get("sub");

        var e = awsError("UsernameExistsException", () -> newUser(poolId, "alice"));

        assertThat(message(e)).isEqualTo("User account already exists");
        assertThat(asMap(get(poolId, "ALICE").userAttributes())).containsEntry("sub", sub);
    }

    // ---- pools whose users sign in with email (UsernameAttributes) ----

    private String emailUsernamePool() {
        return newPool(b -> b.poolName("email-username").usernameAttributes(UsernameAttributeType.EMAIL));
    }

    @Test
    void emailUsernamePoolStoresTheSubAsUsernameAndTheEmailAsAttribute() {
        String poolId = emailUsernamePool();

        UserType user = newUser(poolId, "erin@example.com");

        Map<String, String> attributes = asMap(user.attributes());
        assertThat(user.username()).matches(UUID).isEqualTo(attributes.get("sub"));
        assertThat(attributes).containsEntry("email", "erin@example.com");
        assertThat(get(poolId, "erin@example.com").username()).isEqualTo(user.username());
    }

    @Test
    void emailUsernamePoolRefusesAUsernameThatIsNotAnEmail() {
        String poolId = emailUsernamePool();

        // Captured: aws-samples/sample-aws-genai-ops-demos#2.
        var e = awsError("InvalidParameterException", () -> newUser(poolId, "erin"));

        assertThat(message(e)).isEqualTo("Username should be an email.");
    }

    @Test
    void emailOrPhonePoolRefusesAUsernameThatIsNeither() {
        String poolId = newPool(b -> b.poolName("either")
                .usernameAttributes(UsernameAttributeType.EMAIL, UsernameAttributeType.PHONE_NUMBER));

        // Captured for SignUp: aws-amplify/amplify-js#533.
        var e = awsError("InvalidParameterException", () -> newUser(poolId, "frank"));

        assertThat(message(e)).isEqualTo("Username should be either an email or a phone number.");
        assertThat(asMap(newUser(poolId, "+15551234567").attributes())).containsEntry("phone_number", "+15551234567");
    }

    @Test
    void emailUsernamePoolRefusesADifferentEmailAttribute() {
        String poolId = emailUsernamePool();

        // Unconfirmed text (jagregory/cognito-local#102 quotes it from AWS).
        var e = awsError("InvalidParameterException",
                () -> newUser(poolId, "gina@example.com", attr("email", "other@example.com")));

        assertThat(message(e)).isEqualTo(
                "User email should be empty or same as username, since username attribute is email");
    }

    @Test
    void emailUsernamePoolRefusesASecondUserWithTheSameEmail() {
        String poolId = emailUsernamePool();
        newUser(poolId, "hank@example.com");

        // Captured for SignUp (jonsaw/amazon-cognito-identity-dart#73); unconfirmed for AdminCreateUser.
        var e = awsError("UsernameExistsException", () -> newUser(poolId, "hank@example.com"));

        assertThat(message(e)).isEqualTo("An account with the given email already exists.");
    }

    // ---- alias pools ----

    private String aliasPool() {
        return newPool(b -> b.poolName("alias")
                .aliasAttributes(AliasAttributeType.EMAIL, AliasAttributeType.PREFERRED_USERNAME));
    }

    @Test
    void emailAliasPoolRefusesAUsernameOfEmailFormat() {
        String poolId = aliasPool();

        // Captured for SignUp: amazon-archives/aws-cognito-angular-quickstart#17.
        var e = awsError("InvalidParameterException", () -> newUser(poolId, "ivy@example.com"));

        assertThat(message(e)).isEqualTo(
                "Username cannot be of email format, since user pool is configured for email alias.");
    }

    @Test
    void verifiedEmailTakenByAnotherUserIsUsernameExistsNamingTheEmail() {
        String poolId = aliasPool();
        newUser(poolId, "jack", attr("email", "shared@example.com"), attr("email_verified", "true"));

        // Captured: AWS answers UsernameExistsException with a message naming the email (boto/boto3#3213), not the
        // AliasExistsException the model does not list for AdminCreateUser; the text as SignUp's (cognito-errors.md 6).
        var e = awsError("UsernameExistsException", () -> newUser(poolId, "jill",
                attr("email", "shared@example.com"), attr("email_verified", "true")));

        assertThat(message(e)).isEqualTo("An account with the given email already exists.");
        awsError("UserNotFoundException", () -> get(poolId, "jill"));
    }

    @Test
    void unverifiedEmailMayEqualAnotherUsersAlias() {
        String poolId = aliasPool();
        newUser(poolId, "jack", attr("email", "shared@example.com"), attr("email_verified", "true"));

        newUser(poolId, "jill", attr("email", "shared@example.com"));

        assertThat(get(poolId, "shared@example.com").username()).isEqualTo("jack");
    }

    @Test
    void forceAliasCreationMovesTheAliasToTheNewUser() {
        String poolId = aliasPool();
        newUser(poolId, "kate", attr("email", "moved@example.com"), attr("email_verified", "true"));

        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("kim").forceAliasCreation(true)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("email", "moved@example.com"), attr("email_verified", "true")));

        // API reference (ForceAliasCreation): the previous user can no longer sign in with that alias.
        assertThat(get(poolId, "moved@example.com").username()).isEqualTo("kim");
        assertThat(asMap(get(poolId, "kate").userAttributes())).containsEntry("email_verified", "false");
    }

    @Test
    void preferredUsernameAliasFindsTheNewUser() {
        String poolId = aliasPool();

        newUser(poolId, "leo", attr("preferred_username", "lion"));

        assertThat(get(poolId, "lion").username()).isEqualTo("leo");
    }

    // ---- schema ----

    @Test
    void attributeOutsideTheSchemaIsRefusedWithTheSchemaMessage() {
        String poolId = newPool();

        // Captured: aws-amplify/amplify-flutter#509 (SignUp; AdminCreateUser uses the same prefix).
        var e = awsError("InvalidParameterException", () -> newUser(poolId, "mia", attr("favorite_color", "red")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "favorite_color: Attribute does not exist in the schema.\n");
        awsError("UserNotFoundException", () -> get(poolId, "mia"));
    }

    @Test
    void customAttributeWithoutItsPrefixIsNotInTheSchema() {
        String poolId = newPool();

        // Captured: aws-amplify/amplify-js#2167 (favorite_flavor for custom:favorite_flavor).
        var e = awsError("InvalidParameterException", () -> newUser(poolId, "ned", attr("tier", "gold")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "tier: Attribute does not exist in the schema.\n");
    }

    @Test
    void developerOnlyAttributeByItsCustomNameIsNotInTheSchema() {
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> newUser(poolId, "ola", attr("custom:secret", "s")));

        assertThat(message(e)).isEqualTo(SCHEMA_PREFIX + "custom:secret: Attribute does not exist in the schema.\n");
    }

    @Test
    void requiredAttributeMayBeLeftForTheUserToSupply() {
        String poolId = newPool(b -> b.poolName("required").schema(SchemaAttributeType.builder()
                .name("email").attributeDataType(AttributeDataType.STRING).required(true).build()));

        // API reference, AdminCreateUser UserAttributes: "any attributes that you specify as required ... either
        // you should supply (in your call to AdminCreateUser) or the user should supply (when they sign up in
        // response to your welcome message)"; the developer guide (quoted in amazon-cognito-identity-js#567):
        // "Administrators can create users without giving values for required attributes by using the
        // AdminCreateUser API"; observed in aws-amplify/amplify-ui#1155 (2022: created, then NEW_PASSWORD_REQUIRED
        // answered "Invalid attributes given, preferred_username is missing"). Against it: aws-amplify/
        // amplify-backend#3117 / PR #3118 (2026) report AWS refusing AdminCreateUser with "Attributes did not
        // conform to the schema" when required attributes are missing. Only a live capture can settle it.
        UserType user = newUser(poolId, "pam");

        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(asMap(user.attributes())).doesNotContainKey("email");
    }

    @Test
    void requiredAttributeGivenAtCreationIsKept() {
        String poolId = newPool(b -> b.poolName("required").schema(SchemaAttributeType.builder()
                .name("email").attributeDataType(AttributeDataType.STRING).required(true).build()));

        UserType user = newUser(poolId, "pia", attr("email", "pia@example.com"));

        assertThat(asMap(user.attributes())).containsEntry("email", "pia@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"555-123-4567", "+0123456789", "15551234567", "+1 555 123 4567", "+1234567890123456"})
    void phoneNumberNotInE164IsRefused(String phone) {
        String poolId = newPool();

        // Captured: aws-amplify/amplify-js#8274.
        var e = awsError("InvalidParameterException", () -> newUser(poolId, "quinn", attr("phone_number", phone)));

        assertThat(message(e)).isEqualTo("Invalid phone number format.");
    }

    @Test
    void valueOfTheWrongTypeOrLengthIsRefused() {
        String poolId = newPool(b -> b.poolName("types").schema(
                SchemaAttributeType.builder().name("age").attributeDataType(AttributeDataType.NUMBER).build(),
                SchemaAttributeType.builder().name("short").attributeDataType(AttributeDataType.STRING)
                        .stringAttributeConstraints(c -> c.maxLength("3")).build()));

        // Unconfirmed texts: the code and the schema prefix are certain.
        assertThat(message(awsError("InvalidParameterException",
                () -> newUser(poolId, "rae", attr("custom:age", "old"))))).startsWith(SCHEMA_PREFIX + "custom:age: ");
        assertThat(message(awsError("InvalidParameterException",
                () -> newUser(poolId, "rae", attr("custom:short", "abcd")))))
                .startsWith(SCHEMA_PREFIX + "custom:short: ");
        assertThat(message(awsError("InvalidParameterException",
                () -> newUser(poolId, "rae", attr("birthdate", "1990-1-1")))))
                .startsWith(SCHEMA_PREFIX + "birthdate: ");
        awsError("UserNotFoundException", () -> get(poolId, "rae"));
    }

    // ---- temporary password ----

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Ab1!, Password not long enough",
        "abcdefg1!, Password must have uppercase characters",
        "ABCDEFG1!, Password must have lowercase characters",
        "Abcdefgh!, Password must have numeric characters",
        "Abcdefg12, Password must have symbol characters"})
    void temporaryPasswordMustMeetThePolicy(String password, String rule) {
        String poolId = newPool();

        // Captured: "not long enough" (fs:2420818359), "uppercase" (fs:10930928314), "numeric"
        // (data-dot-all/dataall#690) for AdminCreateUser; lowercase and symbol follow the same form.
        var e = awsError("InvalidPasswordException", () -> cognito.adminCreateUser(b -> b.userPoolId(poolId)
                .username("sam").temporaryPassword(password).messageAction(MessageActionType.SUPPRESS)));

        assertThat(message(e)).isEqualTo("Password did not conform with password policy: " + rule);
        awsError("UserNotFoundException", () -> get(poolId, "sam"));
    }

    @Test
    void temporaryPasswordMeetingThePolicyIsAccepted() {
        String poolId = newPool();

        UserType user = cognito.adminCreateUser(b -> b.userPoolId(poolId).username("tess")
                .temporaryPassword("Abcdef1!").messageAction(MessageActionType.SUPPRESS)).user();

        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    // ---- RESEND ----

    @Test
    void resendRenewsTheInvitationOfAForceChangePasswordUser() {
        String poolId = newPool();
        UserType created = newUser(poolId, "uma", attr("email", "uma@example.com"));

        UserType resent = cognito.adminCreateUser(b -> b.userPoolId(poolId).username("uma")
                .messageAction(MessageActionType.RESEND)).user();

        assertThat(resent.username()).isEqualTo("uma");
        assertThat(asMap(resent.attributes())).isEqualTo(asMap(created.attributes()));
        assertThat(resent.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(resent.userCreateDate()).isEqualTo(created.userCreateDate());
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().estimatedNumberOfUsers())
                .isEqualTo(1);
    }

    @Test
    void resendForAnUnknownUserIsUserNotFound() {
        String poolId = newPool();

        // Captured: aws/aws-sdk-js#1357 (Admin* user operations, AdminCreateUser RESEND included).
        var e = awsError("UserNotFoundException", () -> cognito.adminCreateUser(b -> b.userPoolId(poolId)
                .username("nobody").messageAction(MessageActionType.RESEND)));

        assertThat(message(e)).isEqualTo("User does not exist.");
        awsError("UserNotFoundException", () -> get(poolId, "nobody"));
    }

    @Test
    void resendForAConfirmedUserIsUnsupportedUserState() {
        String poolId = newPool();
        newUser(poolId, "val");
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("val").password("Perm4nent!").permanent(true));

        // Unconfirmed text (emulators quote it; cognito-errors.md section 9); the code is in the model.
        var e = awsError("UnsupportedUserStateException", () -> cognito.adminCreateUser(b -> b.userPoolId(poolId)
                .username("val").messageAction(MessageActionType.RESEND)));

        assertThat(message(e)).startsWith("Resend not possible. val status is not FORCE_CHANGE_PASSWORD");
        assertThat(get(poolId, "val").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void resendChecksANewTemporaryPasswordAgainstThePolicy() {
        String poolId = newPool();
        newUser(poolId, "vic");

        var e = awsError("InvalidPasswordException", () -> cognito.adminCreateUser(b -> b.userPoolId(poolId)
                .username("vic").temporaryPassword("short").messageAction(MessageActionType.RESEND)));

        assertThat(message(e)).isEqualTo("Password did not conform with password policy: Password not long enough");
    }

    // ---- request validation and missing pools ----

    @Test
    void emptyUsernameIsAValidationErrorWithoutTheValue() {
        String poolId = newPool();

        // Captured form (amazon-archives/amazon-cognito-identity-js#388): Username is sensitive, so no value.
        var e = awsError("InvalidParameterException", () -> cognito.adminCreateUser(
                AdminCreateUserRequest.builder().userPoolId(poolId).username("").build()));

        assertThat(message(e)).isEqualTo("2 validation errors detected: Value at 'username' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 1; Value at 'username' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException", () -> newUser(NO_POOL, "wes"));

        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
