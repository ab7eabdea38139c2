package dev.cognitoemulator.clients;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.testing.NodeScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * MFA through the client libraries, unmodified, in Node.js against the emulator (the scripts
 * {@code identity-js-mfa.mjs} and {@code amplify-mfa.mjs}, the libraries pinned by
 * {@code src/test/node/package-lock.json}): amazon-cognito-identity-js sets up TOTP ({@code associateSoftwareToken},
 * {@code verifySoftwareToken}, {@code setUserMfaPreference}) and signs in answering {@code totpRequired}, and answers
 * {@code mfaRequired} with the texted code; Amplify v6 {@code signIn} then {@code confirmSignIn} with a TOTP code,
 * through TOTP setup, with an e-mailed MFA code, and USER_AUTH's passwordless EMAIL_OTP. The scripts compute TOTP
 * codes from the secret (RFC 6238) and read sent codes from the emulator's inbox.
 */
class MfaClientsTest extends CognitoTestSupport {

    private static final String SNS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms";

    @BeforeAll
    void libraries() throws Exception {
        NodeScript.requireInstalled("amazon-cognito-identity-js", "aws-amplify");
    }

    /** A pool that can text and send its own e-mail, these MFA factors on ("sms", "totp", "email"). */
    private String pool(UserPoolMfaType mode, String... factors) {
        String poolId = newPool(b -> b.smsConfiguration(s -> s.snsCallerArn(SNS_ROLE))
                .emailConfiguration(e -> e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                        .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com"))
                .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactorsWithStrings("PASSWORD", "EMAIL_OTP"))));
        List<String> on = List.of(factors);
        cognito.setUserPoolMfaConfig(b -> {
            b.userPoolId(poolId).mfaConfiguration(mode);
            if (on.contains("sms")) {
                b.smsMfaConfiguration(s -> s.smsAuthenticationMessage("Your code is {####}"));
            }
            if (on.contains("totp")) {
                b.softwareTokenMfaConfiguration(t -> t.enabled(true));
            }
            if (on.contains("email")) {
                b.emailMfaConfiguration(e -> e.subject("Code").message("Code: {####}"));
            }
        });
        return poolId;
    }

    /** A client with the default flows (SRP among them), the password flows, USER_AUTH and refresh. */
    private String client(String poolId) {
        return newClient(poolId, b -> b.clientName("web").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
    }

    private JsonNode run(String script, String scenario, String poolId, String clientId, String username,
            Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("ENDPOINT", emulator.endpoint().toString(), "POOL_ID", poolId,
                "CLIENT_ID", clientId, "USERNAME", username, "PASSWORD", PASSWORD));
        env.putAll(more);
        JsonNode report = NodeScript.run(script, scenario, env);
        assertThat(report.path("error").isMissingNode()).as("the script's report: %s", report).isTrue();
        return report;
    }

    private static List<String> calls(JsonNode report) {
        List<String> calls = new ArrayList<>();
        report.path("calls").forEach(c -> calls.add(c.asText()));
        return calls;
    }

    @Test
    void identityJsSetsUpTotpAndSignsInWithIt() throws Exception {
        String poolId = pool(UserPoolMfaType.OPTIONAL, "totp");
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("identity-js-mfa.mjs", "totp", poolId, clientId, "alice", Map.of());

        assertThat(report.path("verified").asText()).isEqualTo("SUCCESS");
        assertThat(report.path("challenge").path("challengeName").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(report.path("username").asText()).isEqualTo("alice");
        assertThat(report.path("tokenUse").asText()).isEqualTo("access");
        assertThat(calls(report)).containsExactly("InitiateAuth", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference", "InitiateAuth",
                "RespondToAuthChallenge PASSWORD_VERIFIER", "RespondToAuthChallenge SOFTWARE_TOKEN_MFA");
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));
        assertThat(user.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
        assertThat(user.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void identityJsAnswersMfaRequiredWithTheTextedCode() throws Exception {
        String poolId = pool(UserPoolMfaType.ON, "sms");
        String clientId = client(poolId);
        confirmedUser(poolId, "alice", attr("phone_number", "+15555550100"));

        JsonNode report = run("identity-js-mfa.mjs", "sms", poolId, clientId, "alice", Map.of());

        assertThat(report.path("challenge").path("challengeName").asText()).isEqualTo("SMS_MFA");
        assertThat(report.path("challenge").path("parameters").path("CODE_DELIVERY_DESTINATION").asText())
                .isEqualTo("+*******0100");
        assertThat(report.path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth", "RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge SMS_MFA");
    }

    @Test
    void amplifyConfirmsSignInWithATotpCode() throws Exception {
        String poolId = pool(UserPoolMfaType.OPTIONAL, "totp");
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        String token = adminSignIn(poolId, clientId, "alice").accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(token)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(token)
                .userCode(Totp.code(secret, Totp.step(Instant.now()))));
        cognito.setUserMFAPreference(b -> b.accessToken(token).softwareTokenMfaSettings(s -> s.enabled(true)));

        JsonNode report = run("amplify-mfa.mjs", "totp", poolId, clientId, "alice", Map.of("SECRET", secret));

        assertThat(report.path("step").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsSubsequence("RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge SOFTWARE_TOKEN_MFA");
    }

    @Test
    void amplifySetsUpTotpWhenMfaIsRequired() throws Exception {
        String poolId = pool(UserPoolMfaType.ON, "totp");
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");

        JsonNode report = run("amplify-mfa.mjs", "totpSetup", poolId, clientId, "alice", Map.of());

        assertThat(report.path("step").asText()).isEqualTo("CONTINUE_SIGN_IN_WITH_TOTP_SETUP");
        assertThat(report.path("hasSecret").asBoolean()).isTrue();
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(calls(report)).containsSubsequence("RespondToAuthChallenge PASSWORD_VERIFIER",
                "AssociateSoftwareToken", "VerifySoftwareToken", "RespondToAuthChallenge MFA_SETUP");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userMFASettingList())
                .containsExactly("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void amplifyConfirmsSignInWithAnEmailedMfaCode() throws Exception {
        String poolId = pool(UserPoolMfaType.OPTIONAL, "email");
        String clientId = client(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("email_verified", "true"));
        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("alice")
                .emailMfaSettings(e -> e.enabled(true)));

        JsonNode report = run("amplify-mfa.mjs", "email", poolId, clientId, "alice", Map.of());

        assertThat(report.path("step").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(report.path("destination").asText()).isEqualTo("a***@e***");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(calls(report)).containsSubsequence("RespondToAuthChallenge PASSWORD_VERIFIER",
                "RespondToAuthChallenge EMAIL_OTP");
    }

    @Test
    void amplifySignsInByAnEmailedCodeAlone() throws Exception {
        String poolId = pool(UserPoolMfaType.OFF);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("email_verified", "true"));

        JsonNode report = run("amplify-mfa.mjs", "emailOtp", poolId, clientId, "alice", Map.of());

        assertThat(report.path("step").asText()).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(report.path("isSignedIn").asBoolean()).isTrue();
        assertThat(report.path("session").path("username").asText()).isEqualTo("alice");
        assertThat(calls(report)).containsExactly("InitiateAuth USER_AUTH", "RespondToAuthChallenge EMAIL_OTP",
                "RevokeToken");
    }
}
