package dev.cognitoemulator.messages;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * {@code --fixed-code}: every code the emulator sends is that one, so that an end-to-end test can type it without
 * reading the inbox; temporary passwords are not codes and stay generated.
 */
class FixedCodeTest extends CognitoTestSupport {

    private static final String CODE = "424242";

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.fixedCode(CODE);
    }

    private List<Message> messages(String poolId) {
        return emulator.inbox().list(new Inbox.Filter(poolId, null, null));
    }

    @Test
    void signUpResendAndRecoveryCodesAreTheFixedOne() {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String clientId = passwordClient(poolId);
        cognito.signUp(b -> b.clientId(clientId).username("fay").password(PASSWORD)
                .userAttributes(attr("email", "fay@example.com")));
        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("fay"));

        cognito.confirmSignUp(b -> b.clientId(clientId).username("fay").confirmationCode(CODE));
        cognito.forgotPassword(b -> b.clientId(clientId).username("fay"));

        assertThat(messages(poolId)).extracting(Message::kind, Message::code).containsExactly(
                tuple("SignUp", CODE),
                tuple("ResendCode", CODE),
                tuple("ForgotPassword", CODE));
        assertThat(messages(poolId).get(0).message()).isEqualTo("Your verification code is " + CODE + ". ");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("fay")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void aTemporaryPasswordIsNotTheFixedCode() {
        String poolId = newPool();

        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("gus")
                .userAttributes(attr("email", "gus@example.com")).desiredDeliveryMediums(DeliveryMediumType.EMAIL));

        assertThat(messages(poolId)).singleElement().satisfies(m -> assertThat(m.code()).isNotEqualTo(CODE)
                .hasSizeGreaterThanOrEqualTo(8));
    }

    @Test
    void smsMfaCodesAreTheFixedOne() {
        String poolId = newPool(b -> b.mfaConfiguration(UserPoolMfaType.ON)
                .smsConfiguration(c -> c.snsCallerArn("arn:aws:iam::123456789012:role/sms")));
        String clientId = passwordClient(poolId);
        newUser(poolId, "hal", attr("phone_number", "+15555550100"));
        setPassword(poolId, "hal", PASSWORD, true);

        var challenge = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "hal", "PASSWORD", PASSWORD)));
        var tokens = cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName("SMS_MFA")
                .session(challenge.session()).challengeResponses(Map.of("USERNAME", "hal", "SMS_MFA_CODE", CODE)))
                .authenticationResult();

        assertThat(messages(poolId)).extracting(Message::kind, Message::code)
                .containsExactly(tuple("Authentication", CODE));
        assertThat(tokens.accessToken()).isNotBlank();
    }
}
