package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Inbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The self-service account walk from real client libraries, each a child process against this class's emulator,
 * reading the codes from the emulator's inbox over {@code GET /_emulator/messages}: sign up, confirm, sign in with
 * USER_PASSWORD_AUTH, forgot and confirm a password, change it, change and verify the email, refresh, delete the
 * user. amazon-cognito-identity-js in Node.js (src/test/node/accounts-walk.mjs) and boto3
 * (src/test/python/accounts_walk.py); each script checks every step's answer itself and ends with
 * {@code WALK OK <steps> steps}. Skipped where node or boto3 is missing, except in CI ({@code CI=true}).
 */
class AccountsWalkTest extends CognitoTestSupport {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String USERNAME = "walker";

    @Test
    void amazonCognitoIdentityJsWalksSignUpRecoveryAndVerification() throws Exception {
        ExternalClients.requireNodeWithIdentityJs();
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String clientId = newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();

        ExternalClients.Result result = ExternalClients.run("accounts-walk-node", List.of("node",
                "accounts-walk.mjs", emulator.endpoint().toString(), poolId, clientId, USERNAME),
                ExternalClients.NODE_DIR, TIMEOUT, Map.of());

        assertThat(result.exit()).as(result.report()).isZero();
        assertThat(steps(result)).as(result.report()).containsExactly("signUp", "inbox",
                "signIn before confirmation", "resendConfirmationCode", "confirmRegistration with the replaced code",
                "confirmRegistration", "signIn USER_PASSWORD_AUTH", "forgotPassword", "confirmPassword",
                "signIn with the new password", "changePassword", "updateAttributes", "getAttributeVerificationCode",
                "verifyAttribute", "refreshSession", "deleteUser", "inbox");
        assertThat(result.stdout()).as(result.report()).endsWith("WALK OK 17 steps\n");
        // What the script did, seen from here: the user is gone, and it emptied the pool's messages.
        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username(USERNAME)));
        assertThat(emulator.inbox().list(new Inbox.Filter(poolId, null, null))).isEmpty();
    }

    @Test
    void boto3WalksSignUpRecoveryAndVerification() throws Exception {
        String python = ExternalClients.pythonWithBoto3();

        ExternalClients.Result result = ExternalClients.run("accounts-walk-boto3", List.of(python,
                Path.of("src", "test", "python", "accounts_walk.py").toString(), emulator.endpoint().toString()),
                TIMEOUT, Map.of());

        assertThat(result.exit()).as(result.report()).isZero();
        assertThat(steps(result)).as(result.report()).containsExactly("pool", "sign_up",
                "initiate_auth before confirmation", "resend_confirmation_code", "confirm_sign_up",
                "initiate_auth USER_PASSWORD_AUTH", "forgot_password + confirm_forgot_password", "change_password",
                "update_user_attributes", "get_user_attribute_verification_code + verify_user_attribute",
                "delete_user_attributes", "set_user_settings + admin_set_user_settings", "refresh", "delete_user",
                "admin_confirm_sign_up", "inbox");
        assertThat(result.stdout()).as(result.report()).endsWith("WALK OK 16 steps\n");
        // The script deleted its pool at the end.
        assertThat(cognito.listUserPools(b -> b.maxResults(60)).userPools()).noneMatch(p -> "boto3-walk"
                .equals(p.name()));
    }

    /** The steps the script reported, in order: "ok STEP: what was checked". */
    private static List<String> steps(ExternalClients.Result result) {
        return result.stdout().lines().filter(line -> line.startsWith("ok "))
                .map(line -> line.substring(3, line.indexOf(": "))).toList();
    }
}
