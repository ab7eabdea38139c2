package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.testing.SrpClient;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * What the self-service tests add to {@link CognitoTestSupport}: the messages the emulator "sent" (its inbox),
 * sign-in with a given password through both password flows, users with verified contacts, SECRET_HASH.
 */
public abstract class AccountsTestSupport extends CognitoTestSupport {

    /** A password of the default policy other than {@link #PASSWORD}. */
    protected static final String NEW_PASSWORD = "N3w-Passw0rd!";

    /** Every message of the pool, oldest first. */
    protected List<Message> messages(String poolId) {
        return emulator.inbox().list(new Inbox.Filter(poolId, null, null));
    }

    /** The latest message to the user; fails when there is none. */
    protected Message lastMessage(String poolId, String username) {
        List<Message> sent = emulator.inbox().list(new Inbox.Filter(poolId, username, null));
        assertThat(sent).as("messages to %s", username).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    /** The code of the latest message to the user. */
    protected String lastCode(String poolId, String username) {
        return lastMessage(poolId, username).code();
    }

    /** A verified email, {@code <username>@example.com}. */
    protected static AttributeType[] verifiedEmail(String username) {
        return new AttributeType[] {attr("email", username + "@example.com"), attr("email_verified", "true")};
    }

    /** AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH with this password; returns the tokens. */
    protected AuthenticationResultType adminSignIn(String poolId, String clientId, String username, String password) {
        return cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    /** InitiateAuth USER_PASSWORD_AUTH with this password; returns the tokens. */
    protected AuthenticationResultType signIn(String clientId, String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    /** The access token of an ADMIN_USER_PASSWORD_AUTH sign-in with {@link #PASSWORD}. */
    protected String accessToken(String poolId, String clientId, String username) {
        return adminSignIn(poolId, clientId, username).accessToken();
    }

    protected UserStatusType status(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userStatus();
    }

    protected String secretOf(String poolId, String clientId) {
        return cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient()
                .clientSecret();
    }

    /** Base64(HMAC-SHA256(client secret, username + client id)), as the Cognito developer guide computes it. */
    protected static String secretHash(String clientSecret, String username, String clientId) {
        return SrpClient.secretHash(clientSecret, username, clientId);
    }
}
