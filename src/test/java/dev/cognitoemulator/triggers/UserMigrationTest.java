package dev.cognitoemulator.triggers;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.messages.Inbox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * UserMigration (developer guide, "Migrate user Lambda trigger"): a password sign-in or a ForgotPassword of a user
 * the pool does not have asks the function, and the user it answers is created with its attributes and status.
 */
class UserMigrationTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<UnaryOperator<JsonNode>> behaviour = new AtomicReference<>();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.lambda("migrate", event -> {
            events.add(event.deepCopy());
            return behaviour.get().apply(event);
        });
    }

    @BeforeEach
    void reset() {
        events.clear();
        emulator.inbox().clear(Inbox.Filter.ALL);
        behaviour.set(legacyUser("CONFIRMED"));
    }

    /** The legacy directory knows every user, with the password {@link #PASSWORD} only. */
    private static UnaryOperator<JsonNode> legacyUser(String finalUserStatus) {
        return event -> {
            JsonNode password = event.get("request").get("password");
            if (password != null && !password.asText().equals(PASSWORD)) {
                throw new IllegalArgumentException("Bad password");
            }
            ObjectNode response = (ObjectNode) event.get("response");
            response.putObject("userAttributes").put("email", event.get("userName").asText() + "@example.com")
                    .put("email_verified", "true").put("name", "Legacy");
            response.put("finalUserStatus", finalUserStatus).put("messageAction", "SUPPRESS");
            return event;
        };
    }

    private String pool() {
        return newPool(b -> b.lambdaConfig(l -> l.userMigration("arn:aws:lambda:us-east-1:123456789012:function:"
                + "migrate")));
    }

    private AuthenticationResultType signIn(String clientId, String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .clientMetadata(Map.of("app", "web"))).authenticationResult();
    }

    @Test
    void aSignInOfAnUnknownUserMigratesItWithThePasswordAndSignsIn() {
        String poolId = pool();
        String clientId = passwordClient(poolId);
        assertThat(signIn(clientId, "legacy", PASSWORD).accessToken()).isNotEmpty();
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("triggerSource").asText()).isEqualTo("UserMigration_Authentication");
        assertThat(event.get("userName").asText()).isEqualTo("legacy");
        assertThat(event.get("callerContext").get("clientId").asText()).isEqualTo(clientId);
        assertThat(event.get("request").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(event.get("request").get("validationData")).isEqualTo(JSON.createObjectNode().put("app", "web"));
        assertThat(event.get("request").get("clientMetadata")).isEqualTo(JSON.createObjectNode().put("app", "web"));
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("legacy"));
        assertThat(user.userStatusAsString()).isEqualTo("CONFIRMED");
        assertThat(asMap(user.userAttributes())).containsEntry("email", "legacy@example.com")
                .containsEntry("email_verified", "true").containsEntry("name", "Legacy").containsKey("sub");
        // Known now: the next sign-in does not ask again.
        signIn(clientId, "legacy", PASSWORD);
        assertThat(events).hasSize(1);
    }

    @Test
    void aFunctionThatRefusesFailsTheSignInAndCreatesNoUser() {
        String poolId = pool();
        String clientId = passwordClient(poolId);
        assertThat(message(awsError("UserLambdaValidationException", () -> signIn(clientId, "legacy", "wrong"))))
                .isEqualTo("UserMigration failed with error Bad password.");
        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("legacy")));
    }

    @Test
    void aFunctionThatKnowsNoSuchUserLeavesItUnknown() {
        String poolId = pool();
        String clientId = passwordClient(poolId);
        behaviour.set(UnaryOperator.identity());
        assertThat(message(awsError("UserNotFoundException", () -> signIn(clientId, "nobody", PASSWORD))))
                .isEqualTo("User does not exist.");
    }

    @Test
    void aFinalUserStatusOfNoKnownValueIsUnrecognizable() {
        String poolId = pool();
        String clientId = passwordClient(poolId);
        behaviour.set(legacyUser("ACTIVE"));
        assertThat(message(awsError("InvalidLambdaResponseException", () -> signIn(clientId, "legacy", PASSWORD))))
                .isEqualTo("Unrecognizable lambda output");
    }

    @Test
    void resetRequiredMakesTheUserResetItsPasswordFirst() {
        String poolId = pool();
        String clientId = passwordClient(poolId);
        behaviour.set(legacyUser("RESET_REQUIRED"));
        awsError("PasswordResetRequiredException", () -> signIn(clientId, "legacy", PASSWORD));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("legacy")).userStatusAsString())
                .isEqualTo("RESET_REQUIRED");
    }

    @Test
    void forgotPasswordOfAnUnknownUserMigratesItWithoutAPasswordThenTheResetSignsIn() {
        String poolId = pool();
        String clientId = passwordClient(poolId);
        cognito.forgotPassword(b -> b.clientId(clientId).username("legacy"));
        JsonNode event = events.get(0);
        assertThat(event.get("triggerSource").asText()).isEqualTo("UserMigration_ForgotPassword");
        assertThat(event.get("request").has("password")).isFalse();
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("legacy")).userStatusAsString())
                .isEqualTo("RESET_REQUIRED");
        String code = emulator.inbox().list(new Inbox.Filter(poolId, null, null)).get(0).code();
        cognito.confirmForgotPassword(b -> b.clientId(clientId).username("legacy").confirmationCode(code)
                .password("N3wPassw0rd!"));
        assertThat(signIn(clientId, "legacy", "N3wPassw0rd!").accessToken()).isNotEmpty();
        assertThat(events).hasSize(1);
    }
}
