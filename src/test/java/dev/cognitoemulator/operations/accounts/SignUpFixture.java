package dev.cognitoemulator.operations.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Message;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * What the sign-up tests share: pools that verify email (or phone numbers, with the SmsConfiguration Cognito asks
 * for), SignUp with {@link #PASSWORD}, the inbox's messages and codes, SECRET_HASH.
 */
abstract class SignUpFixture extends CognitoTestSupport {

    /** Cognito's code: six digits (self-service.md section 3). */
    static final String SIX_DIGITS = "\\d{6}";

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("accounts").autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
    }

    /** Auto-verifies phone numbers, which needs an SmsConfiguration (pool-settings.md, captured*). */
    static void verifiesPhone(CreateUserPoolRequest.Builder pool, VerifiedAttributeType... verified) {
        pool.autoVerifiedAttributes(verified).smsConfiguration(s -> s
                .snsCallerArn("arn:aws:iam::123456789012:role/cognito-sms").externalId("cognito"));
    }

    SignUpResponse signUp(String clientId, String username, AttributeType... attributes) {
        return cognito.signUp(b -> b.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attributes));
    }

    /** The pool's messages, oldest first. */
    List<Message> messages(String poolId) {
        return emulator.inbox().list(new Inbox.Filter(poolId, null, null));
    }

    /** The one message of the pool: fails when there is none or more. */
    Message onlyMessage(String poolId) {
        List<Message> messages = messages(poolId);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The code of the newest message to the user (its stored username). */
    String lastCode(String poolId, String username) {
        List<Message> messages = emulator.inbox().list(new Inbox.Filter(poolId, username, null));
        assertThat(messages).as("messages to %s", username).isNotEmpty();
        return messages.get(messages.size() - 1).code();
    }

    void confirm(String clientId, String username, String code) {
        cognito.confirmSignUp(b -> b.clientId(clientId).username(username).confirmationCode(code));
    }

    /** A refused request left nothing behind: no user, no message. */
    void assertNothingStored(String poolId) {
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
        assertThat(messages(poolId)).isEmpty();
    }

    /** Base64(HMAC-SHA256(secret, username + client id)), as the developer guide computes it. */
    static String secretHash(String clientId, String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
