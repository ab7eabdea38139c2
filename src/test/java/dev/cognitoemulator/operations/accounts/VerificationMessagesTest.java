package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The texts of sign-up codes, from the pool's settings: VerificationMessageTemplate's EmailMessage, EmailSubject and
 * SmsMessage, else the older EmailVerificationMessage, EmailVerificationSubject and SmsVerificationMessage, else
 * Cognito's defaults (documented: aws-cli describe-user-pool example, trailing space included; subject captured,
 * self-service.md 1.3). Placeholders: self-service.md 1.9.
 */
class VerificationMessagesTest extends SignUpFixture {

    private Message signUpMessage(String poolId, AttributeType... attributes) {
        String clientId = passwordClient(poolId);
        signUp(clientId, "tom", attributes);
        return onlyMessage(poolId);
    }

    private static AttributeType[] email() {
        return new AttributeType[] {attr("email", "tom@example.com")};
    }

    private static AttributeType[] phone() {
        return new AttributeType[] {attr("phone_number", "+15550100123")};
    }

    @Test
    void theTemplatesEmailMessageAndSubject() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailMessage("Welcome! Your code: {####}")
                        .emailSubject("Confirm your account")));

        Message message = signUpMessage(poolId, email());

        assertThat(message.subject()).isEqualTo("Confirm your account");
        assertThat(message.message()).isEqualTo("Welcome! Your code: " + message.code());
    }

    @Test
    void theTemplatesSmsMessage() {
        String poolId = newPool(b -> verifiesPhone(b.verificationMessageTemplate(t -> t.smsMessage("Code {####}!")),
                VerifiedAttributeType.PHONE_NUMBER));

        Message message = signUpMessage(poolId, phone());

        assertThat(message.subject()).isNull();
        assertThat(message.message()).isEqualTo("Code " + message.code() + "!");
    }

    @Test
    void theOlderEmailVerificationMessageAndSubject() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .emailVerificationMessage("Older text {####}").emailVerificationSubject("Older subject"));

        Message message = signUpMessage(poolId, email());

        assertThat(message.subject()).isEqualTo("Older subject");
        assertThat(message.message()).isEqualTo("Older text " + message.code());
    }

    @Test
    void theOlderSmsVerificationMessage() {
        String poolId = newPool(b -> verifiesPhone(b.smsVerificationMessage("Older SMS {####}"),
                VerifiedAttributeType.PHONE_NUMBER));

        Message message = signUpMessage(poolId, phone());

        assertThat(message.message()).isEqualTo("Older SMS " + message.code());
    }

    @Test
    void cognitosDefaultTextMessage() {
        String poolId = newPool(b -> verifiesPhone(b, VerifiedAttributeType.PHONE_NUMBER));

        Message message = signUpMessage(poolId, phone());

        assertThat(message.message()).isEqualTo("Your verification code is " + message.code() + ". ");
    }

    /** Captured: aws/aws-cdk#7597, the literal {username} mailed; documented: "You can't use the {username}". */
    @Test
    void usernameIsNotFilledInAVerificationMessage() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailMessage("Hello {username}, your code is {####}")));

        Message message = signUpMessage(poolId, email());

        assertThat(message.message()).isEqualTo("Hello {username}, your code is " + message.code());
    }

    /** Captured*: aws-amplify/amplify-js#936, {####} in a subject is sent as written. */
    @Test
    void theCodeIsNotFilledInASubject() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailMessage("Code {####}").emailSubject("Code {####}")));

        Message message = signUpMessage(poolId, email());

        assertThat(message.subject()).isEqualTo("Code {####}");
    }

    @Test
    void aResentCodeUsesTheTemplateTooAndAChangedOneAtOnce() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailMessage("First {####}")));
        String clientId = passwordClient(poolId);
        signUp(clientId, "tom", email());
        cognito.updateUserPool(b -> b.userPoolId(poolId).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailMessage("Second {####}")));

        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("tom"));

        assertThat(messages(poolId)).extracting(m -> m.message().replace(m.code(), "#"))
                .containsExactly("First #", "Second #");
    }
}
