package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * ResendConfirmationCode through the SDK: a new code to where SignUp sent the first, which then stops working; refused
 * for confirmed users and pools that verify nothing; an unknown user hidden by PreventUserExistenceErrors gets a
 * delivery that goes nowhere. Facts: self-service.md sections 1.4, 2 and 3.
 */
class ResendConfirmationCodeTest extends SignUpFixture {

    private ResendConfirmationCodeResponse resend(String clientId, String username) {
        return cognito.resendConfirmationCode(b -> b.clientId(clientId).username(username));
    }

    /** Captured: floci fixture resend-confirmation.happy ({@code f***@e***}). */
    @Test
    void aNewCodeGoesWhereTheFirstWent() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "fixture", attr("email", "fixture@example.com"));

        ResendConfirmationCodeResponse response = resend(clientId, "fixture");

        assertThat(response.codeDeliveryDetails()).isEqualTo(CodeDeliveryDetailsType.builder()
                .attributeName("email").deliveryMedium(DeliveryMediumType.EMAIL).destination("f***@e***").build());
        List<Message> messages = messages(poolId);
        assertThat(messages).extracting(Message::kind).containsExactly("SignUp", "ResendCode");
        Message resent = messages.get(1);
        assertThat(resent.code()).matches(SIX_DIGITS);
        assertThat(resent).extracting(Message::username, Message::destination, Message::deliveryMedium,
                Message::subject, Message::message).containsExactly("fixture", "fixture@example.com", "EMAIL",
                        "Your verification code", "Your verification code is " + resent.code() + ". ");
    }

    /** Captured*: aws-amplify/amplify-swift#3127 for a second ForgotPassword; the same rule for sign-up codes. */
    @Test
    void theOldCodeStopsWorkingAndTheNewOneWorks() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "olga", attr("email", "olga@example.com"));
        String old = lastCode(poolId, "olga");
        resend(clientId, "olga");
        String current = lastCode(poolId, "olga");
        assertThat(current).isNotEqualTo(old);

        var e = awsError("CodeMismatchException", () -> confirm(clientId, "olga", old));
        confirm(clientId, "olga", current);

        assertThat(message(e)).isEqualTo("Invalid verification code provided, please try again.");
        assertThat(status(poolId, "olga")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void theCodeGoesByTextWhenSignUpSentItByText() {
        String poolId = newPool(b -> verifiesPhone(b, VerifiedAttributeType.EMAIL, VerifiedAttributeType.PHONE_NUMBER));
        String clientId = passwordClient(poolId);
        signUp(clientId, "pat", attr("email", "pat@example.com"), attr("phone_number", "+15550100123"));

        ResendConfirmationCodeResponse response = resend(clientId, "pat");

        assertThat(response.codeDeliveryDetails()).isEqualTo(CodeDeliveryDetailsType.builder()
                .attributeName("phone_number").deliveryMedium(DeliveryMediumType.SMS).destination("+*******0123")
                .build());
        assertThat(messages(poolId)).extracting(Message::deliveryMedium).containsExactly("SMS", "SMS");
    }

    /** Captured: floci fixture resend-confirmation.error.rate-limit (answered 200 seconds apart). */
    @Test
    void resendsInQuickSuccessionAreNotThrottled() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "quinn", attr("email", "quinn@example.com"));

        for (int i = 0; i < 3; i++) {
            resend(clientId, "quinn");
        }

        assertThat(messages(poolId)).hasSize(4);
    }

    /** Captured: aws-amplify/amplify-js#2797 (the text; the code is not shown there). */
    @Test
    void confirmedUserIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "cid", attr("email", "cid@example.com"));
        confirm(clientId, "cid", lastCode(poolId, "cid"));

        var e = awsError("InvalidParameterException", () -> resend(clientId, "cid"));

        assertThat(message(e)).isEqualTo("User is already confirmed.");
        assertThat(messages(poolId)).hasSize(1);
    }

    /** Captured*: apps match this text under InvalidParameterException. */
    @Test
    void poolWithoutAutoVerificationHasNoCodeToResend() {
        String poolId = newPool(b -> b.poolName("unverified"));
        String clientId = passwordClient(poolId);
        signUp(clientId, "nat", attr("email", "nat@example.com"));

        var e = awsError("InvalidParameterException", () -> resend(clientId, "nat"));

        assertThat(message(e)).isEqualTo("Cannot resend codes. Auto verification not turned on.");
        assertThat(messages(poolId)).isEmpty();
    }

    /** Captured: aws-amplify/amplify-js#4489; links come with sign-up and resent codes (DG message-customizations). */
    @Test
    void aPoolNowConfirmingWithALinkNeedsADomain() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "lin", attr("email", "lin@example.com"));
        cognito.updateUserPool(b -> b.userPoolId(poolId).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_LINK)
                        .emailMessageByLink("Click {##Verify Email##}")));

        var e = awsError("InvalidParameterException", () -> resend(clientId, "lin"));

        assertThat(message(e)).isEqualTo("Cannot perform specific action because there does not exist a valid use "
                + "pool domain associated with the user pool");
        assertThat(messages(poolId)).hasSize(1);
        confirm(clientId, "lin", lastCode(poolId, "lin"));
    }

    /** Captured for ForgotPassword (floci fixture forgot-password.unknown-user); the same rule here. */
    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        var e = awsError("UserNotFoundException", () -> resend(clientId, "ghost"));

        assertThat(message(e)).isEqualTo("Username/client id combination not found.");
    }

    /** Documented (DG managing-errors): a hidden unknown user gets a delivery that looks real and sends nothing. */
    @Test
    void unknownUserGetsASimulatedDeliveryWhenTheClientHidesUsers() {
        String poolId = newPool();
        String clientId = passwordClient(poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));

        ResendConfirmationCodeResponse byEmail = resend(clientId, "ghost@example.com");
        ResendConfirmationCodeResponse byName = resend(clientId, "ghost");

        assertThat(byEmail.codeDeliveryDetails()).isEqualTo(CodeDeliveryDetailsType.builder()
                .attributeName("email").deliveryMedium(DeliveryMediumType.EMAIL).destination("g***@e***").build());
        assertThat(byName.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
        assertThat(messages(poolId)).isEmpty();
    }

    /** Captured: fs:14066095131 (a missing SecretHash member). */
    @Test
    void clientWithASecretNeedsTheSecretHash() {
        String poolId = newPool();
        var client = newClient(poolId, b -> b.generateSecret(true));
        String clientId = client.clientId();
        cognito.signUp(b -> b.clientId(clientId).username("sal").password(PASSWORD)
                .userAttributes(attr("email", "sal@example.com"))
                .secretHash(secretHash(client.clientSecret(), "sal", clientId)));

        var e = awsError("NotAuthorizedException", () -> resend(clientId, "sal"));

        assertThat(message(e)).isEqualTo("Client " + clientId + " is configured for secret but secret was not "
                + "received");
        assertThat(messages(poolId)).hasSize(1);
        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("sal")
                .secretHash(secretHash(client.clientSecret(), "sal", clientId)));
        assertThat(messages(poolId)).hasSize(2);
    }
}
