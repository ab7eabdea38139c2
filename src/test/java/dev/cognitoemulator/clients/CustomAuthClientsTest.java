package dev.cognitoemulator.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.testing.NodeScript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * CUSTOM_AUTH end to end: amazon-cognito-identity-js ({@code initiateAuth} with CUSTOM_AUTH,
 * {@code sendCustomChallengeAnswer}) and Amplify v6 ({@code signIn} with {@code CUSTOM_WITHOUT_SRP} and
 * {@code CUSTOM_WITH_SRP}, {@code confirmSignIn}), unmodified in Node.js, against the three challenge triggers written
 * in JavaScript and served by a small Node HTTP handler ({@code custom-auth-triggers.mjs}) that the emulator calls
 * over its plain-URL transport ({@code --lambda-url}). A wrong answer first, then the right one.
 */
class CustomAuthClientsTest extends CognitoTestSupport {

    private static final String ACCOUNT = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process triggers;

    /** The trigger handler, started before the emulator that calls it. */
    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        String base = "http://127.0.0.1:" + startTriggers() + "/";
        return builder.config(EmulatorConfig.parse(new String[] {"--lambda-url", "define=" + base + "define",
                "--lambda-url", "create=" + base + "create", "--lambda-url", "verify=" + base + "verify"}, Map.of()))
                .port(0);
    }

    /** Starts {@code node custom-auth-triggers.mjs} and answers the port it listens on; 0 without Node.js. */
    private int startTriggers() {
        try {
            triggers = new ProcessBuilder("node", "custom-auth-triggers.mjs").directory(NodeScript.DIR.toFile())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(triggers.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            return first == null ? 0 : JSON.readTree(first).path("port").asInt();
        } catch (Exception e) {
            return 0;
        }
    }

    @BeforeAll
    void libraries() throws Exception {
        NodeScript.requireInstalled("amazon-cognito-identity-js", "aws-amplify");
        NodeScript.require(triggers != null && triggers.isAlive(), "the trigger handler runs (node)");
    }

    @AfterAll
    void stopTriggers() throws InterruptedException {
        if (triggers != null) {
            triggers.destroy();
            triggers.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A pool whose challenge triggers are the Node handler's, a client with the default flows, and alice. */
    private String[] customPool() {
        String poolId = newPool(b -> b.poolName("custom").lambdaConfig(l -> l.defineAuthChallenge(ACCOUNT + "define")
                .createAuthChallenge(ACCOUNT + "create").verifyAuthChallengeResponse(ACCOUNT + "verify")));
        String clientId = newClient(poolId, b -> b.clientName("web").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
        confirmedUser(poolId, "alice");
        return new String[] {poolId, clientId};
    }

    private JsonNode run(String script, String scenario, String poolId, String clientId) throws Exception {
        return NodeScript.run(script, scenario, Map.of("ENDPOINT", emulator.endpoint().toString(), "POOL_ID", poolId,
                "CLIENT_ID", clientId, "USERNAME", "alice", "PASSWORD", PASSWORD));
    }

    private static List<String> calls(JsonNode report) {
        List<String> calls = new ArrayList<>();
        report.path("calls").forEach(c -> calls.add(c.asText()));
        return calls;
    }

    private static void assertNoError(JsonNode report) {
        assertThat(report.path("error").isMissingNode()).as("the script's report: %s", report).isTrue();
    }

    @Test
    void identityJsAnswersTheCustomChallenge() throws Exception {
        String[] pool = customPool();

        JsonNode report = run("identity-js.mjs", "customAuth", pool[0], pool[1]);

        assertNoError(report);
        assertThat(report.path("challenge").path("question").asText()).isEqualTo("2+2?");
        assertThat(report.path("challenge").path("USERNAME").asText()).isEqualTo("alice");
        assertThat(report.path("retry").path("question").asText()).isEqualTo("2+2?");
        assertThat(report.path("username").asText()).isEqualTo("alice");
        assertThat(report.path("idTokenUse").asText()).isEqualTo("id");
        assertThat(report.path("hasRefreshToken").asBoolean()).isTrue();
        assertThat(calls(report)).containsExactly("InitiateAuth CUSTOM_AUTH", "RespondToAuthChallenge CUSTOM_CHALLENGE",
                "RespondToAuthChallenge CUSTOM_CHALLENGE");
    }

    @Test
    void amplifySignsInWithCustomWithoutSrp() throws Exception {
        String[] pool = customPool();

        JsonNode report = run("amplify.mjs", "customAuth", pool[0], pool[1]);

        assertNoError(report);
        assertThat(report.path("firstStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
        assertThat(report.path("question").asText()).isEqualTo("2+2?");
        assertThat(report.path("retryStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("nextStep").asText()).isEqualTo("DONE");
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth CUSTOM_AUTH", "RespondToAuthChallenge CUSTOM_CHALLENGE",
                "RespondToAuthChallenge CUSTOM_CHALLENGE", "RevokeToken");
    }

    @Test
    void amplifySignsInWithCustomWithSrp() throws Exception {
        String[] pool = customPool();

        JsonNode report = run("amplify.mjs", "customAuthWithSrp", pool[0], pool[1]);

        assertNoError(report);
        assertThat(report.path("firstStep").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth CUSTOM_AUTH",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "RespondToAuthChallenge CUSTOM_CHALLENGE",
                "RespondToAuthChallenge CUSTOM_CHALLENGE", "RevokeToken");
    }
}
