package dev.cognitoemulator.clients;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.testing.NodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The client libraries that sign in by SRP by default, unmodified, in Node.js against the emulator:
 * amazon-cognito-identity-js ({@code authenticateUser}, remembered devices, {@code listDevices},
 * {@code forgetDevice}, NEW_PASSWORD_REQUIRED over SRP) and Amplify v6 ({@code signIn}, {@code fetchAuthSession},
 * {@code signOut}, devices), both pinned by {@code src/test/node/package-lock.json}. Each scenario is a script
 * ({@code identity-js.mjs}, {@code amplify.mjs}) that reports, as JSON, what the library gave and every request it
 * made. A wrong password reaches them as Cognito's NotAuthorizedException, "Incorrect username or password."
 * (captured: aws-amplify/amplify-js#1580).
 */
class NodeClientsTest extends CognitoTestSupport {

    private static final String NEW_PASSWORD = "N3w-Passw0rd!";

    @BeforeAll
    void libraries() throws Exception {
        NodeScript.requireInstalled("amazon-cognito-identity-js", "aws-amplify");
    }

    /** A client with the default flows (SRP among them) and refresh. */
    private String defaultClient(String poolId) {
        return newClient(poolId, b -> b.clientName("web")).clientId();
    }

    /** A pool that remembers devices: always, or on the user's word only. */
    private String devicePool(boolean onPromptOnly) {
        return newPool(b -> b.poolName("devices").deviceConfiguration(d -> d.challengeRequiredOnNewDevice(false)
                .deviceOnlyRememberedOnUserPrompt(onPromptOnly)));
    }

    private JsonNode run(String script, String scenario, String poolId, String clientId, String username)
            throws Exception {
        return NodeScript.run(script, scenario, Map.of("ENDPOINT", emulator.endpoint().toString(), "POOL_ID", poolId,
                "CLIENT_ID", clientId, "USERNAME", username, "PASSWORD", PASSWORD, "NEW_PASSWORD", NEW_PASSWORD));
    }

    private static List<String> calls(JsonNode report) {
        List<String> calls = new ArrayList<>();
        report.path("calls").forEach(c -> calls.add(c.asText()));
        return calls;
    }

    private static void assertNoError(JsonNode report) {
        assertThat(report.path("error").isMissingNode()).as("the script's report: %s", report).isTrue();
    }

    // --- amazon-cognito-identity-js --------------------------------------------------------------------------

    @Test
    void identityJsSignsInWithItsDefaultSrpFlow() throws Exception {
        String poolId = newPool();
        String clientId = defaultClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("identity-js.mjs", "signIn", poolId, clientId, "alice");

        assertNoError(report);
        assertThat(report.path("username").asText()).isEqualTo("alice");
        assertThat(report.path("tokenUse").asText()).isEqualTo("access");
        assertThat(report.path("idTokenUse").asText()).isEqualTo("id");
        assertThat(report.path("hasRefreshToken").asBoolean()).isTrue();
        assertThat(calls(report)).containsExactly("InitiateAuth USER_SRP_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER");
    }

    @Test
    void identityJsGetsAWrongPasswordAsNotAuthorized() throws Exception {
        String poolId = newPool();
        String clientId = defaultClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("identity-js.mjs", "wrongPassword", poolId, clientId, "alice");

        assertThat(report.path("error").asText()).as("the script's report: %s", report)
                .isEqualTo("NotAuthorizedException");
        assertThat(report.path("message").asText()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void identityJsAnswersNewPasswordRequiredOverSrp() throws Exception {
        String poolId = newPool();
        String clientId = defaultClient(poolId);
        forceChangeUser(poolId, "alice", attr("email", "alice@example.com"));

        JsonNode report = run("identity-js.mjs", "newPassword", poolId, clientId, "alice");

        assertNoError(report);
        assertThat(report.path("challenge").path("userAttributes").path("email").asText())
                .isEqualTo("alice@example.com");
        assertThat(report.path("username").asText()).isEqualTo("alice");
        assertThat(report.path("again").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth USER_SRP_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "RespondToAuthChallenge NEW_PASSWORD_REQUIRED",
                "InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void identityJsRemembersADeviceAndSignsInFromIt() throws Exception {
        String poolId = devicePool(true);
        String clientId = defaultClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("identity-js.mjs", "device", poolId, clientId, "alice");

        assertNoError(report);
        String deviceKey = report.path("firstDevice").asText();
        assertThat(deviceKey).startsWith("us-east-1_");
        assertThat(report.path("confirmationNecessary").asBoolean()).isTrue();
        assertThat(report.path("second").path("deviceKey").asText()).isEqualTo(deviceKey);
        assertThat(report.path("listed")).hasSize(1);
        assertThat(report.path("listed").get(0).path("key").asText()).isEqualTo(deviceKey);
        assertThat(report.path("listed").get(0).path("attributes").path("device_status").asText()).isEqualTo("valid");
        assertThat(report.path("afterForget").asInt()).isZero();
        assertThat(calls(report)).containsExactly("InitiateAuth USER_SRP_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "ConfirmDevice", "UpdateDeviceStatus",
                "InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge DEVICE_SRP_AUTH", "RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER",
                "ListDevices", "ForgetDevice", "ListDevices");
        assertThat(cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice")).devices()).isEmpty();
    }

    // --- Amplify v6 ----------------------------------------------------------------------------------------

    @Test
    void amplifySignsInWithItsDefaultFlowFetchesTheSessionAndSignsOut() throws Exception {
        String poolId = newPool();
        String clientId = defaultClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("amplify.mjs", "signIn", poolId, clientId, "alice");

        assertNoError(report);
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("nextStep").asText()).isEqualTo("DONE");
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(report.path("session").path("idTokenUse").asText()).isEqualTo("id");
        assertThat(report.path("currentUser").asText()).isEqualTo("alice");
        assertThat(report.path("afterSignOut").isNull()).as("no tokens after signOut").isTrue();
        assertThat(calls(report)).containsExactly("InitiateAuth USER_SRP_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "RevokeToken");
    }

    /** A client with choice-based sign-in (and refresh, which Amplify's signOut revokes). */
    private String userAuthClient(String poolId) {
        return newClient(poolId, b -> b.clientName("web").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
    }

    private JsonNode runUserAuth(String scenario, String poolId, String clientId, String preferred) throws Exception {
        return NodeScript.run("amplify.mjs", scenario, Map.of("ENDPOINT", emulator.endpoint().toString(), "POOL_ID",
                poolId, "CLIENT_ID", clientId, "USERNAME", "alice", "PASSWORD", PASSWORD, "PREFERRED", preferred));
    }

    @Test
    void amplifySignsInWithUserAuthPreferringThePassword() throws Exception {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = runUserAuth("userAuth", poolId, clientId, "PASSWORD");

        assertNoError(report);
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth USER_AUTH", "RevokeToken");
    }

    @Test
    void amplifySignsInWithUserAuthPreferringSrp() throws Exception {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = runUserAuth("userAuth", poolId, clientId, "PASSWORD_SRP");

        assertNoError(report);
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth USER_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "RevokeToken");
    }

    @Test
    void amplifyChoosesTheFirstFactorThenSignsInWithThePassword() throws Exception {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = runUserAuth("userAuthSelect", poolId, clientId, "PASSWORD");

        assertNoError(report);
        assertThat(report.path("offerStep").asText()).isEqualTo("CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION");
        assertThat(report.path("available").toString()).isEqualTo("[\"PASSWORD\",\"PASSWORD_SRP\"]");
        assertThat(report.path("chosenStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_PASSWORD");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth USER_AUTH", "RespondToAuthChallenge SELECT_CHALLENGE",
                "RevokeToken");
    }

    /**
     * signUp with {@code autoSignIn} (an auth flow or {@code true}), confirmSignUp with the code from the inbox, then
     * autoSignIn, for "bea" in a pool that sends sign-up codes by e-mail.
     */
    private JsonNode runAutoSignIn(String poolId, String clientId, String autoSignIn) throws Exception {
        return NodeScript.run("amplify.mjs", "autoSignIn", Map.of("ENDPOINT", emulator.endpoint().toString(),
                "POOL_ID", poolId, "CLIENT_ID", clientId, "USERNAME", "bea", "PASSWORD", PASSWORD, "AUTO_SIGN_IN",
                autoSignIn));
    }

    /** Amplify signs in with ConfirmSignUp's Session, no password (amplify-js signInWithUserAuth.ts). */
    @Test
    void amplifySignsUpConfirmsAndSignsInWithTheConfirmationsSession() throws Exception {
        String poolId = newPool(b -> b.poolName("signups").autoVerifiedAttributesWithStrings("email"));
        String clientId = userAuthClient(poolId);

        JsonNode report = runAutoSignIn(poolId, clientId, "USER_AUTH");

        assertNoError(report);
        assertThat(report.path("signUpStep").asText()).isEqualTo("CONFIRM_SIGN_UP");
        assertThat(report.path("confirmStep").asText()).isEqualTo("COMPLETE_AUTO_SIGN_IN");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("nextStep").asText()).isEqualTo("DONE");
        assertThat(report.path("session").path("username").asText()).isEqualTo("bea");
        assertThat(calls(report)).containsExactly("SignUp", "ConfirmSignUp", "InitiateAuth USER_AUTH Session",
                "RevokeToken");
    }

    /** With {@code autoSignIn: true} Amplify signs in by its default flow, SRP with the password it kept. */
    @Test
    void amplifysAutoSignInTrueSignsInWithThePasswordOverSrp() throws Exception {
        String poolId = newPool(b -> b.poolName("signups").autoVerifiedAttributesWithStrings("email"));
        String clientId = defaultClient(poolId);

        JsonNode report = runAutoSignIn(poolId, clientId, "true");

        assertNoError(report);
        assertThat(report.path("confirmStep").asText()).isEqualTo("COMPLETE_AUTO_SIGN_IN");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("bea");
        assertThat(calls(report)).containsExactly("SignUp", "ConfirmSignUp", "InitiateAuth USER_SRP_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "RevokeToken");
    }

    @Test
    void amplifyGetsAWrongPasswordAsNotAuthorized() throws Exception {
        String poolId = newPool();
        String clientId = defaultClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("amplify.mjs", "wrongPassword", poolId, clientId, "alice");

        assertThat(report.path("error").asText()).as("the script's report: %s", report)
                .isEqualTo("NotAuthorizedException");
        assertThat(report.path("message").asText()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void amplifyConfirmsTheDeviceAndSignsInFromItTheNextTime() throws Exception {
        String poolId = devicePool(false);
        String clientId = defaultClient(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("amplify.mjs", "device", poolId, clientId, "alice");

        assertNoError(report);
        String deviceKey = report.path("firstSession").path("deviceKey").asText();
        assertThat(deviceKey).startsWith("us-east-1_");
        assertThat(report.path("devices")).hasSize(1);
        assertThat(report.path("devices").get(0).path("id").asText()).isEqualTo(deviceKey);
        assertThat(report.path("secondSession").path("deviceKey").asText()).isEqualTo(deviceKey);
        assertThat(report.path("afterForget").asInt()).isZero();
        assertThat(calls(report)).containsSubsequence("InitiateAuth USER_SRP_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "ConfirmDevice", "ListDevices", "RevokeToken",
                "InitiateAuth USER_SRP_AUTH", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge DEVICE_SRP_AUTH", "RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER",
                "ForgetDevice", "ListDevices");
        List<DeviceType> left = cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice")).devices();
        assertThat(left).isEmpty();
    }
}
