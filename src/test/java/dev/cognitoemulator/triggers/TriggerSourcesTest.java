package dev.cognitoemulator.triggers;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.UUID;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Each trigger source through the SDK, with in-process functions: the event as the developer guide's example shows
 * it, and each documented response field applied. One function per trigger, answering what the test sets.
 */
class TriggerSourcesTest extends CognitoTestSupport {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FUNCTIONS = List.of("PreSignUp", "PostConfirmation", "PostAuthentication",
            "CustomMessage", "CustomEmailSender", "CustomSMSSender");

    /** Every event received, in order. */
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    /** What each function does to the event before returning it (the event unchanged when absent). */
    private final Map<String, UnaryOperator<JsonNode>> behaviour = new ConcurrentHashMap<>();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        for (String name : FUNCTIONS) {
            builder.lambda(name, event -> {
                events.add(event.deepCopy());
                return behaviour.getOrDefault(name, UnaryOperator.identity()).apply(event);
            });
        }
        return builder;
    }

    @BeforeEach
    void reset() {
        events.clear();
        behaviour.clear();
        emulator.inbox().clear(Inbox.Filter.ALL);
    }

    /** A pool verifying e-mail addresses whose LambdaConfig names the functions {@code lambdas} sets. */
    private String pool(Consumer<LambdaConfigType.Builder> lambdas) {
        return newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL).lambdaConfig(lambdas));
    }

    private JsonNode only(String triggerSource) {
        List<JsonNode> matching = events.stream()
                .filter(e -> e.get("triggerSource").asText().equals(triggerSource)).toList();
        assertThat(matching).as("events of %s among %s", triggerSource, events).hasSize(1);
        return matching.get(0);
    }

    private static void assertCommon(JsonNode event, String poolId, String clientId, String userName) {
        assertThat(event.get("version").asText()).isEqualTo("1");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("userPoolId").asText()).isEqualTo(poolId);
        assertThat(event.get("userName").asText()).isEqualTo(userName);
        assertThat(event.get("callerContext").get("clientId").asText()).isEqualTo(clientId);
        assertThat(event.get("callerContext").get("awsSdkVersion").asText()).isNotEmpty();
    }

    private static UnaryOperator<JsonNode> respond(Consumer<ObjectNode> response) {
        return event -> {
            response.accept((ObjectNode) event.get("response"));
            return event;
        };
    }

    private SignUpResponse signUp(String poolId, String clientId, String username) {
        return cognito.signUp(b -> b.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attr("email", username + "@example.com"))
                .validationData(attr("captcha", "ok")).clientMetadata(Map.of("source", "test")));
    }

    private List<Message> inbox(String poolId) {
        return emulator.inbox().list(new Inbox.Filter(poolId, null, null));
    }

    // --- PreSignUp -------------------------------------------------------------------------------------------

    @Test
    void preSignUpSignUpGetsTheAttributesValidationDataAndClientMetadata() {
        String poolId = pool(l -> l.preSignUp(ARN + "PreSignUp"));
        String clientId = passwordClient(poolId);
        SignUpResponse response = signUp(poolId, clientId, "alice");
        JsonNode event = only("PreSignUp_SignUp");
        assertCommon(event, poolId, clientId, "alice");
        assertThat(event.get("request").get("userAttributes"))
                .isEqualTo(JSON.createObjectNode().put("email", "alice@example.com"));
        assertThat(event.get("request").get("validationData")).isEqualTo(JSON.createObjectNode().put("captcha", "ok"));
        assertThat(event.get("request").get("clientMetadata")).isEqualTo(JSON.createObjectNode().put("source", "test"));
        assertThat(event.get("response")).isEqualTo(JSON.createObjectNode().put("autoConfirmUser", false)
                .put("autoVerifyEmail", false).put("autoVerifyPhone", false));
        // Nothing asked: the sign-up goes on as without the trigger.
        assertThat(response.userConfirmed()).isFalse();
        assertThat(inbox(poolId)).extracting(Message::kind).containsExactly("SignUp");
    }

    @Test
    void preSignUpAutoConfirmUserAndAutoVerifyEmailConfirmAtOnceWithoutACode() {
        String poolId = pool(l -> l.preSignUp(ARN + "PreSignUp"));
        String clientId = passwordClient(poolId);
        behaviour.put("PreSignUp", respond(r -> r.put("autoConfirmUser", true).put("autoVerifyEmail", true)));
        SignUpResponse response = signUp(poolId, clientId, "alice");
        assertThat(response.userConfirmed()).isTrue();
        assertThat(response.codeDeliveryDetails()).isNull();
        assertThat(inbox(poolId)).isEmpty();
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));
        assertThat(user.userStatusAsString()).isEqualTo("CONFIRMED");
        assertThat(asMap(user.userAttributes())).containsEntry("email_verified", "true");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotEmpty();
    }

    @Test
    void preSignUpAutoVerifyPhoneWithoutAutoConfirmLeavesTheUserUnconfirmed() {
        String poolId = pool(l -> l.preSignUp(ARN + "PreSignUp"));
        String clientId = passwordClient(poolId);
        behaviour.put("PreSignUp", respond(r -> r.put("autoVerifyPhone", true)));
        cognito.signUp(b -> b.clientId(clientId).username("bob").password(PASSWORD)
                .userAttributes(attr("email", "bob@example.com"), attr("phone_number", "+15555550100")));
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("bob"));
        assertThat(user.userStatusAsString()).isEqualTo("UNCONFIRMED");
        assertThat(asMap(user.userAttributes())).containsEntry("phone_number_verified", "true")
                .doesNotContainKey("email_verified");
    }

    @Test
    void preSignUpThatThrowsRefusesTheSignUpAndCreatesNoUser() {
        String poolId = pool(l -> l.preSignUp(ARN + "PreSignUp"));
        String clientId = passwordClient(poolId);
        behaviour.put("PreSignUp", event -> {
            throw new IllegalArgumentException("Sign-ups are closed");
        });
        assertThat(message(awsError("UserLambdaValidationException", () -> signUp(poolId, clientId, "alice"))))
                .isEqualTo("PreSignUp failed with error Sign-ups are closed.");
        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")));
    }

    @Test
    void preSignUpAnsweringAStringOfNoBooleanIsUnrecognizable() {
        String poolId = pool(l -> l.preSignUp(ARN + "PreSignUp"));
        String clientId = passwordClient(poolId);
        behaviour.put("PreSignUp", respond(r -> r.put("autoConfirmUser", "yes")));
        assertThat(message(awsError("InvalidLambdaResponseException", () -> signUp(poolId, clientId, "alice"))))
                .isEqualTo("Unrecognizable lambda output");
    }

    @Test
    void preSignUpAdminCreateUserHasNoClientAndMayVerifyTheEmail() {
        String poolId = pool(l -> l.preSignUp(ARN + "PreSignUp"));
        behaviour.put("PreSignUp", respond(r -> r.put("autoVerifyEmail", true)));
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("carol")
                .userAttributes(attr("email", "carol@example.com")).validationData(attr("k", "v"))
                .clientMetadata(Map.of("m", "n")).messageAction("SUPPRESS"));
        JsonNode event = only("PreSignUp_AdminCreateUser");
        assertCommon(event, poolId, "CLIENT_ID_NOT_APPLICABLE", "carol");
        assertThat(event.get("request").get("validationData")).isEqualTo(JSON.createObjectNode().put("k", "v"));
        assertThat(event.get("request").get("clientMetadata")).isEqualTo(JSON.createObjectNode().put("m", "n"));
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol"));
        assertThat(user.userStatusAsString()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(asMap(user.userAttributes())).containsEntry("email_verified", "true");
    }

    // --- PostConfirmation ------------------------------------------------------------------------------------

    @Test
    void postConfirmationConfirmSignUpGetsTheConfirmedUsersAttributes() {
        String poolId = pool(l -> l.postConfirmation(ARN + "PostConfirmation"));
        String clientId = passwordClient(poolId);
        signUp(poolId, clientId, "alice");
        String code = inbox(poolId).get(0).code();
        cognito.confirmSignUp(b -> b.clientId(clientId).username("alice").confirmationCode(code)
                .clientMetadata(Map.of("from", "confirm")));
        JsonNode event = only("PostConfirmation_ConfirmSignUp");
        assertCommon(event, poolId, clientId, "alice");
        JsonNode attributes = event.get("request").get("userAttributes");
        assertThat(attributes.get("sub").asText()).matches(UUID);
        assertThat(attributes.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(attributes.get("email_verified").asText()).isEqualTo("true");
        assertThat(attributes.get("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(event.get("request").get("clientMetadata")).isEqualTo(JSON.createObjectNode().put("from", "confirm"));
    }

    @Test
    void postConfirmationOfAdminConfirmSignUpAndConfirmForgotPassword() {
        String poolId = pool(l -> l.postConfirmation(ARN + "PostConfirmation"));
        String clientId = passwordClient(poolId);
        signUp(poolId, clientId, "alice");
        cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("alice"));
        assertCommon(only("PostConfirmation_ConfirmSignUp"), poolId, "CLIENT_ID_NOT_APPLICABLE", "alice");
        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("alice")
                .userAttributes(attr("email_verified", "true")));
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice"));
        String code = inbox(poolId).get(inbox(poolId).size() - 1).code();
        cognito.confirmForgotPassword(b -> b.clientId(clientId).username("alice").confirmationCode(code)
                .password("N3wPassw0rd!"));
        assertCommon(only("PostConfirmation_ConfirmForgotPassword"), poolId, clientId, "alice");
    }

    @Test
    void aPostConfirmationThatCallsBackIntoTheEmulatorWorks() {
        String poolId = pool(l -> l.postConfirmation(ARN + "PostConfirmation"));
        String clientId = passwordClient(poolId);
        behaviour.put("PostConfirmation", event -> {
            // Re-entrant: the confirmation's request waits for this function, which calls the emulator over HTTP.
            cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username(event.get("userName").asText())
                    .userAttributes(attr("name", "Set by PostConfirmation")));
            return event;
        });
        signUp(poolId, clientId, "alice");
        String code = inbox(poolId).get(0).code();
        cognito.confirmSignUp(b -> b.clientId(clientId).username("alice").confirmationCode(code));
        assertThat(asMap(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userAttributes()))
                .containsEntry("name", "Set by PostConfirmation");
    }

    @Test
    void aFailingPostConfirmationFailsTheRequestButTheUserStaysConfirmed() {
        String poolId = pool(l -> l.postConfirmation(ARN + "PostConfirmation"));
        String clientId = passwordClient(poolId);
        behaviour.put("PostConfirmation", event -> {
            throw new IllegalStateException("database down");
        });
        signUp(poolId, clientId, "alice");
        String code = inbox(poolId).get(0).code();
        assertThat(message(awsError("UserLambdaValidationException", () -> cognito.confirmSignUp(b -> b
                .clientId(clientId).username("alice").confirmationCode(code)))))
                .isEqualTo("PostConfirmation failed with error database down.");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userStatusAsString())
                .isEqualTo("CONFIRMED");
    }

    // --- PostAuthentication ----------------------------------------------------------------------------------

    @Test
    void postAuthenticationAfterASignIn() {
        String poolId = pool(l -> l.postAuthentication(ARN + "PostAuthentication"));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));
        cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))
                .clientMetadata(Map.of("k", "v")));
        JsonNode event = only("PostAuthentication_Authentication");
        assertCommon(event, poolId, clientId, "alice");
        assertThat(event.get("request").get("userAttributes").get("email").asText()).isEqualTo("alice@example.com");
        assertThat(event.get("request").get("newDeviceUsed").asBoolean()).isFalse();
        assertThat(event.get("request").get("clientMetadata")).isEqualTo(JSON.createObjectNode().put("k", "v"));
    }

    @Test
    void aFailingPostAuthenticationFailsTheSignIn() {
        String poolId = pool(l -> l.postAuthentication(ARN + "PostAuthentication"));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        behaviour.put("PostAuthentication", event -> {
            throw new IllegalStateException("audit log full");
        });
        assertThat(message(awsError("UserLambdaValidationException", () -> adminSignIn(poolId, clientId, "alice"))))
                .isEqualTo("PostAuthentication failed with error audit log full.");
    }

    // --- CustomMessage ---------------------------------------------------------------------------------------

    @Test
    void customMessageSignUpRewritesTheEmailTheInboxReceives() {
        String poolId = pool(l -> l.customMessage(ARN + "CustomMessage"));
        String clientId = passwordClient(poolId);
        behaviour.put("CustomMessage", event -> {
            String code = event.get("request").get("codeParameter").asText();
            ((ObjectNode) event.get("response")).put("emailSubject", "Welcome!")
                    .put("emailMessage", "Hello " + event.get("userName").asText() + ", your code is " + code);
            return event;
        });
        signUp(poolId, clientId, "alice");
        JsonNode event = only("CustomMessage_SignUp");
        assertCommon(event, poolId, clientId, "alice");
        assertThat(event.get("request").get("codeParameter").asText()).isEqualTo("{####}");
        assertThat(event.get("request").get("usernameParameter").isNull()).isTrue();
        assertThat(event.get("request").get("userAttributes").get("email").asText()).isEqualTo("alice@example.com");
        assertThat(event.get("request").get("clientMetadata")).isEqualTo(JSON.createObjectNode().put("source", "test"));
        Message sent = inbox(poolId).get(0);
        assertThat(sent.subject()).isEqualTo("Welcome!");
        assertThat(sent.message()).isEqualTo("Hello alice, your code is " + sent.code());
    }

    @Test
    void customMessageAdminCreateUserFillsTheUsernameAndTemporaryPassword() {
        String poolId = pool(l -> l.customMessage(ARN + "CustomMessage"));
        behaviour.put("CustomMessage", respond(r -> r.put("emailMessage", "Login {username} with {####}")));
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("carol").temporaryPassword("Temp0rary!")
                .userAttributes(attr("email", "carol@example.com"))
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
        JsonNode event = only("CustomMessage_AdminCreateUser");
        assertThat(event.get("request").get("usernameParameter").asText()).isEqualTo("{username}");
        assertThat(inbox(poolId).get(0).message()).isEqualTo("Login carol with Temp0rary!");
    }

    @Test
    void aCustomMessageWithoutTheCodePlaceholderIsNotUsed() {
        String poolId = pool(l -> l.customMessage(ARN + "CustomMessage"));
        String clientId = passwordClient(poolId);
        behaviour.put("CustomMessage", respond(r -> r.put("emailMessage", "No code here")));
        signUp(poolId, clientId, "alice");
        Message sent = inbox(poolId).get(0);
        assertThat(sent.message()).isEqualTo("Your verification code is " + sent.code() + ". ");
    }

    @Test
    void customMessageOfEverySourceThatSendsACode() {
        String poolId = pool(l -> l.customMessage(ARN + "CustomMessage"));
        String clientId = passwordClient(poolId);
        behaviour.put("CustomMessage", event -> {
            ((ObjectNode) event.get("response")).put("emailMessage",
                    event.get("triggerSource").asText() + " {####}");
            return event;
        });
        signUp(poolId, clientId, "alice");
        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("alice"));
        cognito.confirmSignUp(b -> b.clientId(clientId).username("alice")
                .confirmationCode(inbox(poolId).get(1).code()));
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice"));
        String access = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken();
        cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("email", "new@example.com")));
        cognito.getUserAttributeVerificationCode(b -> b.accessToken(access).attributeName("email"));
        assertThat(inbox(poolId)).extracting(Message::message).allSatisfy(m -> assertThat(m).matches(
                "CustomMessage_[A-Za-z]+ \\d{6}"));
        assertThat(inbox(poolId)).extracting(m -> m.message().split(" ")[0]).containsExactly(
                "CustomMessage_SignUp", "CustomMessage_ResendCode", "CustomMessage_ForgotPassword",
                "CustomMessage_UpdateUserAttribute", "CustomMessage_VerifyUserAttribute");
    }

    // --- Custom senders --------------------------------------------------------------------------------------

    @Test
    void aCustomEmailSenderGetsTheCodeInPlainText() {
        String poolId = pool(l -> l.customEmailSender(s -> s.lambdaArn(ARN + "CustomEmailSender")
                .lambdaVersion("V1_0")).kmsKeyID("arn:aws:kms:us-east-1:123456789012:key/emulator"));
        String clientId = passwordClient(poolId);
        signUp(poolId, clientId, "alice");
        JsonNode event = only("CustomEmailSender_SignUp");
        assertCommon(event, poolId, clientId, "alice");
        assertThat(event.get("request").get("type").asText()).isEqualTo("customEmailSenderRequestV1");
        assertThat(event.get("request").get("code").asText()).isEqualTo(inbox(poolId).get(0).code());
        assertThat(event.get("request").get("userAttributes").get("email").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void aFailingCustomSenderFailsTheRequest() {
        String poolId = pool(l -> l.customEmailSender(s -> s.lambdaArn(ARN + "CustomEmailSender")
                .lambdaVersion("V1_0")));
        String clientId = passwordClient(poolId);
        behaviour.put("CustomEmailSender", event -> {
            throw new IllegalStateException("SES is down");
        });
        assertThat(message(awsError("UserLambdaValidationException", () -> signUp(poolId, clientId, "alice"))))
                .isEqualTo("CustomEmailSender failed with error SES is down.");
    }
}
