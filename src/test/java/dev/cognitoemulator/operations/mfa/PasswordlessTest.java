package dev.cognitoemulator.operations.mfa;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.messages.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * USER_AUTH's passwordless first factors: EMAIL_OTP and SMS_OTP, offered where the pool's
 * {@code AllowedFirstAuthFactors} allow them and the user has the verified address; the code (inbox kind
 * Authentication) answered by {@code EMAIL_OTP_CODE} / {@code SMS_OTP_CODE} signs in. Documented: API reference,
 * InitiateAuth and RespondToAuthChallenge. Unconfirmed: that an unverified address is not offered.
 */
class PasswordlessTest extends MfaTestSupport {

    private static final String PHONE = "+15555550142";

    private String pool() {
        return newPool(b -> canSendCodes(b.policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactorsWithStrings(
                "PASSWORD", "EMAIL_OTP", "SMS_OTP")))));
    }

    private String userAuthClient(String poolId) {
        return newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
    }

    private InitiateAuthResponse userAuth(String clientId, Map<String, String> parameters) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(parameters));
    }

    private String user(String poolId, String username) {
        return confirmedUser(poolId, username, attr("email", username + "@example.com"), attr("email_verified", "true"),
                attr("phone_number", PHONE), attr("phone_number_verified", "true"));
    }

    @Test
    void preferredEmailOtpMailsACodeThatSignsIn() {
        String poolId = pool();
        String clientId = userAuthClient(poolId);
        user(poolId, "ann");

        InitiateAuthResponse challenge = userAuth(clientId, Map.of("USERNAME", "ann",
                "PREFERRED_CHALLENGE", "EMAIL_OTP"));

        assertThat(challenge.challengeNameAsString()).isEqualTo("EMAIL_OTP");
        assertThat(challenge.challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL")
                .containsEntry("CODE_DELIVERY_DESTINATION", "a***@e***");
        Message sent = lastMessage(poolId, "ann");
        assertThat(sent.kind()).isEqualTo("Authentication");
        assertThat(sent.deliveryMedium()).isEqualTo("EMAIL");
        assertThat(respond(clientId, "EMAIL_OTP", challenge.session(), Map.of("USERNAME", "ann",
                "EMAIL_OTP_CODE", sent.code())).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void selectChallengeOffersTheCodesAndSmsOtpSignsIn() {
        String poolId = pool();
        String clientId = userAuthClient(poolId);
        user(poolId, "ann");

        InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", "ann"));
        assertThat(select.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP",
                "SMS_OTP");
        RespondToAuthChallengeResponse sms = respond(clientId, "SELECT_CHALLENGE", select.session(),
                Map.of("USERNAME", "ann", "ANSWER", "SMS_OTP"));

        assertThat(sms.challengeNameAsString()).isEqualTo("SMS_OTP");
        assertThat(sms.challengeParameters()).containsEntry("CODE_DELIVERY_DESTINATION", "+*******0142");
        assertThat(lastMessage(poolId, "ann").deliveryMedium()).isEqualTo("SMS");
        var wrong = awsError("CodeMismatchException", () -> respond(clientId, "SMS_OTP", sms.session(),
                Map.of("USERNAME", "ann", "SMS_OTP_CODE", "000000".equals(lastCode(poolId, "ann")) ? "111111"
                        : "000000")));
        assertThat(message(wrong)).isEqualTo("Invalid code or auth state for the user.");
        assertThat(respond(clientId, "SMS_OTP", sms.session(), Map.of("USERNAME", "ann", "SMS_OTP_CODE",
                lastCode(poolId, "ann"))).authenticationResult().idToken()).isNotBlank();
        var spent = awsError("NotAuthorizedException", () -> respond(clientId, "SELECT_CHALLENGE", select.session(),
                Map.of("USERNAME", "ann", "ANSWER", "EMAIL_OTP")));
        assertThat(message(spent)).isEqualTo("Invalid session for the user.");
    }

    @Test
    void anUnverifiedAddressIsNotOffered() {
        String poolId = pool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "bob", attr("email", "bob@example.com"), attr("phone_number", PHONE));

        InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", "bob", "PREFERRED_CHALLENGE",
                "EMAIL_OTP"));

        assertThat(select.challengeNameAsString()).isEqualTo("SELECT_CHALLENGE");
        assertThat(select.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");
        assertThat(messages(poolId)).isEmpty();
    }

    @Test
    void aPoolThatDoesNotAllowThemOffersNeither() {
        String poolId = mfaReadyPool();
        String clientId = userAuthClient(poolId);
        user(poolId, "ann");

        assertThat(userAuth(clientId, Map.of("USERNAME", "ann")).availableChallengesAsStrings())
                .containsExactly("PASSWORD", "PASSWORD_SRP");
    }

    @Test
    void anEmailOtpSessionIsNotAnMfaOneOfAnotherChallenge() {
        String poolId = pool();
        String clientId = userAuthClient(poolId);
        user(poolId, "ann");
        InitiateAuthResponse challenge = userAuth(clientId, Map.of("USERNAME", "ann",
                "PREFERRED_CHALLENGE", "EMAIL_OTP"));

        var e = awsError("NotAuthorizedException", () -> respond(clientId, "SMS_OTP", challenge.session(),
                Map.of("USERNAME", "ann", "SMS_OTP_CODE", lastCode(poolId, "ann"))));

        assertThat(message(e)).isEqualTo("Invalid session for the user.");
    }

    @Test
    void getUserAuthFactorsListsTheCodes() {
        String poolId = pool();
        user(poolId, "ann");

        assertThat(cognito.adminGetUserAuthFactors(b -> b.userPoolId(poolId).username("ann"))
                .configuredUserAuthFactorsAsStrings()).containsExactly("PASSWORD", "EMAIL_OTP", "SMS_OTP");
    }
}
