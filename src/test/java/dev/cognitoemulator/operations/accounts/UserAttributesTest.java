package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.messages.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The signed-in user's attributes: UpdateUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute and
 * DeleteUserAttributes. The clock moves past a code's 24 hours, so SigV4 is off (it checks the same clock).
 *
 * <p>Sources (research self-service.md section 8, cognito-errors.md sections 4, 5 and 9): "A client attempted to
 * write unauthorized attribute" (aws/aws-sdk-js#3603), "invalid attribute name. Only phone_number and email can be
 * verified" (aws-amplify/amplify-js#3652, captured*), "Invalid phone number format." (amplify-js#8274), "An account
 * with the email already exists." (developer guide user-pool-managing-errors.html, for ConfirmSignUp), the code
 * texts (captured for ConfirmSignUp), the 24 hours and VerifyUserAttribute's 15 tries (limits.html), the verification
 * rules (developer guide user-pool-settings-email-phone-verification.html, amplify-js#10967), no code for the same
 * value (amazon-cognito-identity-js#350, captured*), the default subject "Your verification code" (captured) and body
 * "Your verification code is {####}. " (documented, older pools' default). The {@code Invalid user attributes:
 * user.<name>: ...\n} texts are quoted by emulators only (unconfirmed).
 */
class UserAttributesTest extends AccountsTestSupport {

    private static final String PREFIX = "Invalid user attributes: ";

    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    /** Email alias, email auto-verified (phone numbers not), a mutable and an immutable custom attribute. */
    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("attributes").aliasAttributes(AliasAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING).build(),
                        SchemaAttributeType.builder().name("code").attributeDataType(AttributeDataType.STRING)
                                .mutable(false).build(),
                        SchemaAttributeType.builder().name("name").required(true).build());
    }

    /** This class's pool, but a verified email keeps its value until the new one is verified. */
    private String verifyBeforeUpdatePool() {
        return newPool(b -> poolSettings(b.userAttributeUpdateSettings(u -> u
                .attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL))));
    }

    /** A pool, a password client, alice with a verified email; returns alice's access token. */
    private String alice(String poolId, String clientId, AttributeType... more) {
        List<AttributeType> attributes = new ArrayList<>(List.of(verifiedEmail("alice")));
        attributes.add(attr("name", "Alice"));
        attributes.addAll(List.of(more));
        confirmedUser(poolId, "alice", attributes.toArray(AttributeType[]::new));
        return accessToken(poolId, clientId, "alice");
    }

    private List<CodeDeliveryDetailsType> update(String token, AttributeType... attributes) {
        var response = cognito.updateUserAttributes(b -> b.accessToken(token).userAttributes(attributes));
        return response.hasCodeDeliveryDetailsList() ? response.codeDeliveryDetailsList() : List.of();
    }

    private Map<String, String> attributes(String token) {
        return asMap(cognito.getUser(b -> b.accessToken(token)).userAttributes());
    }

    private CodeDeliveryDetailsType requestCode(String token, String attribute) {
        return cognito.getUserAttributeVerificationCode(b -> b.accessToken(token).attributeName(attribute))
                .codeDeliveryDetails();
    }

    private void verify(String token, String attribute, String code) {
        cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName(attribute).code(code));
    }

    private static String otherCode(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    // --- UpdateUserAttributes -------------------------------------------------------------------------------

    @Test
    void updatesValuesAndSendsNoCodeForOtherAttributes() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        List<CodeDeliveryDetailsType> sent = update(token, attr("name", "Alice Smith"), attr("custom:tier", "gold"));

        assertThat(sent).isEmpty();
        assertThat(attributes(token)).containsEntry("name", "Alice Smith").containsEntry("custom:tier", "gold")
                .containsEntry("email", "alice@example.com").containsEntry("email_verified", "true");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void aBlankValueDeletesTheAttribute() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId), attr("custom:tier", "gold"));

        update(token, attr("custom:tier", ""));

        assertThat(attributes(token)).doesNotContainKey("custom:tier").containsKey("name");
    }

    @Test
    void onlyTheClientsWriteAttributesMayBeWritten() {
        String poolId = newPool();
        String clientId = passwordClient(poolId, b -> b.writeAttributes("name", "email"));
        String token = alice(poolId, clientId);

        var e = awsError("NotAuthorizedException", () -> update(token, attr("name", "Changed"),
                attr("custom:tier", "gold")));

        assertThat(message(e)).isEqualTo("A client attempted to write unauthorized attribute");
        assertThat(attributes(token)).containsEntry("name", "Alice").doesNotContainKey("custom:tier");
        update(token, attr("name", "Changed"));
        assertThat(attributes(token)).containsEntry("name", "Changed");
    }

    @Test
    void theVerifiedFlagsAreNotWritableByDefault() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId), attr("phone_number", "+15555550123"));

        var email = awsError("NotAuthorizedException", () -> update(token, attr("email_verified", "false")));
        var phone = awsError("NotAuthorizedException", () -> update(token, attr("phone_number_verified", "true")));

        assertThat(message(email)).isEqualTo("A client attempted to write unauthorized attribute");
        assertThat(message(phone)).isEqualTo("A client attempted to write unauthorized attribute");
        assertThat(attributes(token)).containsEntry("email_verified", "true")
                .doesNotContainKey("phone_number_verified");
    }

    @Test
    void immutableAndUnknownAttributesAreRefusedTogether() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId), attr("custom:code", "A1"));

        var immutable = awsError("InvalidParameterException", () -> update(token, attr("custom:code", "B2"),
                attr("name", "Changed")));
        var both = awsError("InvalidParameterException", () -> update(token, attr("custom:code", "B2"),
                attr("custom:nope", "x")));
        var sub = awsError("InvalidParameterException", () -> update(token, attr("sub", "x")));

        assertThat(message(immutable)).isEqualTo(PREFIX
                + "user.custom:code: Attribute cannot be updated. (changing an immutable attribute)\n");
        assertThat(message(both)).isEqualTo(PREFIX
                + "user.custom:code: Attribute cannot be updated. (changing an immutable attribute)\n"
                + "user.custom:nope: Attribute does not exist in the schema.\n");
        assertThat(message(sub)).isEqualTo(PREFIX
                + "user.sub: Attribute cannot be updated. (changing an immutable attribute)\n");
        assertThat(attributes(token)).containsEntry("custom:code", "A1").containsEntry("name", "Alice");
    }

    @Test
    void aMalformedPhoneNumberIsRefused() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        var e = awsError("InvalidParameterException", () -> update(token, attr("phone_number", "5555550123"),
                attr("name", "Changed")));

        assertThat(message(e)).isEqualTo("Invalid phone number format.");
        assertThat(attributes(token)).doesNotContainKey("phone_number").containsEntry("name", "Alice");
    }

    @Test
    void aChangedAutoVerifiedEmailIsUnverifiedAndGetsACode() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        String token = alice(poolId, clientId);

        List<CodeDeliveryDetailsType> sent = update(token, attr("email", "alice.new@example.org"));

        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.attributeName()).isEqualTo("email");
            assertThat(d.deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
            assertThat(d.destination()).isEqualTo("a***@e***");
        });
        assertThat(attributes(token)).containsEntry("email", "alice.new@example.org")
                .containsEntry("email_verified", "false");
        Message message = lastMessage(poolId, "alice");
        assertThat(message.kind()).isEqualTo("UpdateUserAttribute");
        assertThat(message.destination()).isEqualTo("alice.new@example.org");
        assertThat(message.subject()).isEqualTo("Your verification code");
        assertThat(message.message()).isEqualTo("Your verification code is " + message.code() + ". ");
        // Neither address is an alias until the new one is verified (developer guide).
        awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice@example.com"));
        awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice.new@example.org"));

        verify(token, "email", message.code());

        assertThat(attributes(token)).containsEntry("email", "alice.new@example.org")
                .containsEntry("email_verified", "true");
        assertThat(adminSignIn(poolId, clientId, "alice.new@example.org").accessToken()).isNotBlank();
    }

    @Test
    void aPoolThatConfirmsSignUpsWithALinkStillSendsACode() {
        String poolId = newPool(b -> poolSettings(b.verificationMessageTemplate(t -> t
                .defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_LINK)
                .emailMessageByLink("Click {##here##}").emailSubjectByLink("Your link")
                .emailMessage("Your code: {####}").emailSubject("Your code"))));
        String token = alice(poolId, passwordClient(poolId));

        update(token, attr("email", "alice.new@example.org"));
        requestCode(token, "email");

        // "Emails from attribute-update and password-reset operations use the code template" (documented:
        // cognito-user-pool-settings-message-customizations.html).
        for (Message message : messages(poolId)) {
            assertThat(message.subject()).isEqualTo("Your code");
            assertThat(message.message()).isEqualTo("Your code: " + message.code());
        }
        assertThat(messages(poolId)).extracting(Message::kind)
                .containsExactly("UpdateUserAttribute", "VerifyUserAttribute");
    }

    @Test
    void aPhoneNumberThePoolDoesNotVerifyGetsNoCode() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        assertThat(update(token, attr("phone_number", "+15555550123"))).isEmpty();

        assertThat(attributes(token)).containsEntry("phone_number", "+15555550123")
                .doesNotContainKey("phone_number_verified");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void theSameValueAgainSendsNothing() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        assertThat(update(token, attr("email", "alice@example.com"))).isEmpty();

        assertThat(attributes(token)).containsEntry("email_verified", "true");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void aVerifiedEmailWaitsForTheNewOneWhenThePoolSaysSo() {
        String poolId = verifyBeforeUpdatePool();
        String clientId = passwordClient(poolId);
        String token = alice(poolId, clientId);

        List<CodeDeliveryDetailsType> sent = update(token, attr("email", "alice.new@example.org"));

        assertThat(sent).singleElement().satisfies(d -> assertThat(d.destination()).isEqualTo("a***@e***"));
        assertThat(attributes(token)).containsEntry("email", "alice@example.com")
                .containsEntry("email_verified", "true");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userAttributes())
                .contains(attr("email", "alice@example.com"));
        assertThat(adminSignIn(poolId, clientId, "alice@example.com").accessToken()).isNotBlank();
        awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice.new@example.org"));
        Message message = lastMessage(poolId, "alice");
        assertThat(message.destination()).isEqualTo("alice.new@example.org");

        verify(token, "email", message.code());

        assertThat(attributes(token)).containsEntry("email", "alice.new@example.org")
                .containsEntry("email_verified", "true");
        assertThat(adminSignIn(poolId, clientId, "alice.new@example.org").accessToken()).isNotBlank();
        awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice@example.com"));
    }

    @Test
    void aNewCodeForAWaitingEmailGoesToTheNewAddress() {
        String poolId = verifyBeforeUpdatePool();
        String token = alice(poolId, passwordClient(poolId));
        update(token, attr("email", "alice.new@example.org"));
        String first = lastCode(poolId, "alice");

        CodeDeliveryDetailsType details = requestCode(token, "email");

        assertThat(details.destination()).isEqualTo("a***@e***");
        Message message = lastMessage(poolId, "alice");
        assertThat(message.kind()).isEqualTo("VerifyUserAttribute");
        assertThat(message.destination()).isEqualTo("alice.new@example.org");
        if (!first.equals(message.code())) {
            awsError("CodeMismatchException", () -> verify(token, "email", first));
        }
        verify(token, "email", message.code());
        assertThat(attributes(token)).containsEntry("email", "alice.new@example.org");
    }

    @Test
    void anUnverifiedEmailDoesNotWaitEvenWhenThePoolSaysSo() {
        String poolId = verifyBeforeUpdatePool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("name", "Alice"));
        String token = accessToken(poolId, clientId, "alice");

        assertThat(update(token, attr("email", "alice.new@example.org"))).hasSize(1);

        assertThat(attributes(token)).containsEntry("email", "alice.new@example.org");
    }

    @Test
    void anEmailThatIsTheUsernameOfAnotherUserIsAnAliasConflict() {
        String poolId = newPool(b -> b.poolName("email-username").usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice@example.com");
        confirmedUser(poolId, "bob@example.com");
        String token = accessToken(poolId, clientId, "alice@example.com");

        var e = awsError("AliasExistsException", () -> update(token, attr("email", "bob@example.com")));

        // The text AWS documents for ConfirmSignUp; for this operation unconfirmed.
        assertThat(message(e)).isEqualTo("An account with the email already exists.");
        assertThat(attributes(token)).containsEntry("email", "alice@example.com");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void aRevokedTokenChangesNothing() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));
        cognito.globalSignOut(b -> b.accessToken(token));

        var e = awsError("NotAuthorizedException", () -> update(token, attr("name", "Changed")));

        assertThat(message(e)).isEqualTo("Access Token has been revoked");
        assertThat(asMap(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userAttributes()))
                .containsEntry("name", "Alice");
    }

    // --- GetUserAttributeVerificationCode -------------------------------------------------------------------

    @Test
    void aCodeForTheEmail() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        CodeDeliveryDetailsType details = requestCode(token, "email");

        assertThat(details.attributeName()).isEqualTo("email");
        assertThat(details.deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
        assertThat(details.destination()).isEqualTo("a***@e***");
        Message message = lastMessage(poolId, "alice");
        assertThat(message.kind()).isEqualTo("VerifyUserAttribute");
        assertThat(message.destination()).isEqualTo("alice@example.com");
        assertThat(message.code()).matches("\\d{6}");
        assertThat(message.message()).isEqualTo("Your verification code is " + message.code() + ". ");
    }

    @Test
    void aCodeForThePhoneNumberVerifiesIt() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId), attr("phone_number", "+15555550123"));

        CodeDeliveryDetailsType details = requestCode(token, "phone_number");

        assertThat(details.attributeName()).isEqualTo("phone_number");
        assertThat(details.deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
        assertThat(details.destination()).isEqualTo("+*******0123");
        Message message = lastMessage(poolId, "alice");
        assertThat(message.destination()).isEqualTo("+15555550123");
        assertThat(message.subject()).isNull();

        verify(token, "phone_number", message.code());

        assertThat(attributes(token)).containsEntry("phone_number_verified", "true");
    }

    @Test
    void onlyEmailAndPhoneNumberCanBeVerified() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        var request = awsError("InvalidParameterException", () -> requestCode(token, "name"));
        var verify = awsError("InvalidParameterException", () -> verify(token, "custom:tier", "123456"));

        assertThat(message(request)).isEqualTo("invalid attribute name. Only phone_number and email can be verified");
        assertThat(message(verify)).isEqualTo("invalid attribute name. Only phone_number and email can be verified");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void noCodeForAnAttributeTheUserDoesNotHave() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        awsError("InvalidParameterException", () -> requestCode(token, "phone_number"));

        assertThat(messages(poolId)).isEmpty();
    }

    // --- VerifyUserAttribute --------------------------------------------------------------------------------

    @Test
    void aWrongCodeIsAMismatch() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("name", "Alice"));
        String token = accessToken(poolId, clientId, "alice");
        requestCode(token, "email");
        String code = lastCode(poolId, "alice");

        var e = awsError("CodeMismatchException", () -> verify(token, "email", otherCode(code)));

        assertThat(message(e)).isEqualTo("Invalid verification code provided, please try again.");
        assertThat(attributes(token)).doesNotContainKey("email_verified");
        verify(token, "email", code);
        assertThat(attributes(token)).containsEntry("email_verified", "true");
    }

    @Test
    void theCodeWorksOnceAndOnlyWhenRequested() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));

        var none = awsError("ExpiredCodeException", () -> verify(token, "email", "123456"));
        requestCode(token, "email");
        String code = lastCode(poolId, "alice");
        verify(token, "email", code);
        var used = awsError("ExpiredCodeException", () -> verify(token, "email", code));

        assertThat(message(none)).isEqualTo("Invalid code provided, please request a code again.");
        assertThat(message(used)).isEqualTo("Invalid code provided, please request a code again.");
    }

    @Test
    void aCodeVerifiesOnlyTheValueItWasSentTo() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("name", "Alice"));
        String token = accessToken(poolId, clientId, "alice");
        requestCode(token, "email");
        String code = lastCode(poolId, "alice");

        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("alice")
                .userAttributes(attr("email", "someone.else@example.org")));
        var e = awsError("ExpiredCodeException", () -> verify(token, "email", code));

        // The code went to an address the user no longer has (unconfirmed: no capture of this case).
        assertThat(message(e)).isEqualTo("Invalid code provided, please request a code again.");
        assertThat(attributes(token)).containsEntry("email", "someone.else@example.org")
                .doesNotContainKey("email_verified");
    }

    @Test
    void theCodeExpiresAfter24Hours() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        String token = alice(poolId, clientId);
        update(token, attr("email", "alice.new@example.org"));
        String code = lastCode(poolId, "alice");

        clock.advance(Duration.ofHours(24));
        String later = accessToken(poolId, clientId, "alice");
        var e = awsError("ExpiredCodeException", () -> verify(later, "email", code));

        assertThat(message(e)).isEqualTo("Invalid code provided, please request a code again.");
        assertThat(attributes(later)).containsEntry("email_verified", "false");
    }

    @Test
    void theCodeWorksJustBefore24Hours() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        String token = alice(poolId, clientId);
        update(token, attr("email", "alice.new@example.org"));
        String code = lastCode(poolId, "alice");

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        String later = accessToken(poolId, clientId, "alice");
        verify(later, "email", code);

        assertThat(attributes(later)).containsEntry("email_verified", "true");
    }

    @Test
    void fifteenWrongTriesThenEvenTheRightCodeIsRefused() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId));
        update(token, attr("email", "alice.new@example.org"));
        String code = lastCode(poolId, "alice");

        for (int i = 0; i < 15; i++) {
            awsError("CodeMismatchException", () -> verify(token, "email", otherCode(code)));
        }
        var e = awsError("LimitExceededException", () -> verify(token, "email", code));

        assertThat(message(e)).isEqualTo("Attempt limit exceeded, please try after some time.");
        assertThat(attributes(token)).containsEntry("email_verified", "false");
    }

    @Test
    void verifyingAnEmailAnotherUserHoldsIsAnAliasConflict() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "bob", verifiedEmail("bob"));
        String token = alice(poolId, clientId);
        update(token, attr("email", "bob@example.com"));
        String code = lastCode(poolId, "alice");

        var e = awsError("AliasExistsException", () -> verify(token, "email", code));

        assertThat(message(e)).isEqualTo("An account with the email already exists.");
        assertThat(attributes(token)).containsEntry("email", "bob@example.com")
                .containsEntry("email_verified", "false");
        String bob = adminSignIn(poolId, clientId, "bob@example.com").accessToken();
        assertThat(cognito.getUser(b -> b.accessToken(bob)).username()).isEqualTo("bob");
    }

    // --- DeleteUserAttributes -------------------------------------------------------------------------------

    private void delete(String token, String... names) {
        cognito.deleteUserAttributes(b -> b.accessToken(token).userAttributeNames(names));
    }

    @Test
    void deletesValuesAndAnEmailsVerification() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        String token = alice(poolId, clientId, attr("custom:tier", "gold"));

        delete(token, "custom:tier", "email", "locale");

        assertThat(attributes(token)).doesNotContainKeys("custom:tier", "email", "email_verified")
                .containsEntry("name", "Alice");
        awsError("UserNotFoundException", () -> adminSignIn(poolId, clientId, "alice@example.com"));
        delete(token);
    }

    @Test
    void deletionsFollowTheSchemaAndChangeNothingWhenRefused() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId), attr("custom:code", "A1"), attr("custom:tier", "gold"));

        var e = awsError("InvalidParameterException", () -> delete(token, "custom:tier", "custom:code",
                "custom:nope", "name"));

        assertThat(message(e)).isEqualTo(PREFIX
                + "user.custom:code: Attribute cannot be updated. (changing an immutable attribute)\n"
                + "user.custom:nope: Attribute does not exist in the schema.\n"
                + "user.name: The attribute is required\n");
        assertThat(attributes(token)).containsEntry("custom:tier", "gold").containsEntry("custom:code", "A1");
    }

    @Test
    void onlyTheClientsWriteAttributesMayBeDeleted() {
        String poolId = newPool();
        String token = alice(poolId, passwordClient(poolId, b -> b.writeAttributes("name")),
                attr("custom:tier", "gold"));

        var e = awsError("NotAuthorizedException", () -> delete(token, "custom:tier"));

        assertThat(message(e)).isEqualTo("A client attempted to write unauthorized attribute");
        assertThat(attributes(token)).containsEntry("custom:tier", "gold");
    }
}
