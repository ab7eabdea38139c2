package dev.cognitoemulator.operations.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * What the sign-up tests share: pools that verify email (or phone numbers, with the SmsConfiguration Cognito asks
 * for), SignUp with {@link #PASSWORD}, a refusal that left nothing behind.
 */
abstract class SignUpFixture extends AccountsTestSupport {

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

    /** The one message of the pool: fails when there is none or more. */
    Message onlyMessage(String poolId) {
        List<Message> messages = messages(poolId);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    void confirm(String clientId, String username, String code) {
        cognito.confirmSignUp(b -> b.clientId(clientId).username(username).confirmationCode(code));
    }

    /** A refused request left nothing behind: no user, no message. */
    void assertNothingStored(String poolId) {
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
        assertThat(messages(poolId)).isEmpty();
    }
}
