package dev.cognitoemulator.operations.mfa;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MFAOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * SetUserMFAPreference and AdminSetUserMFAPreference, as GetUser and AdminGetUser show them
 * ({@code UserMFASettingList}, {@code PreferredMfaSetting}, the legacy {@code MFAOptions} for SMS). Captured: SMS
 * without a phone number (aws-amplify/amplify-js#5766), TOTP without a verified token (aws/aws-sdk-js-v3#4645).
 * Unconfirmed: the texts for e-mail MFA (off in the pool, no verified address) and for two preferred methods.
 */
class MfaPreferenceTest extends MfaTestSupport {

    private String pool() {
        String poolId = mfaReadyPool();
        mfa(poolId, UserPoolMfaType.OPTIONAL, "sms", "totp", "email");
        return poolId;
    }

    private AdminGetUserResponse user(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    @Test
    void adminTurnsSmsAndEmailOnAndPrefersOne() {
        String poolId = pool();
        confirmedUser(poolId, "ann", attr("phone_number", "+15555550100"), attr("email", "ann@example.com"),
                attr("email_verified", "true"));

        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ann")
                .smsMfaSettings(s -> s.enabled(true)).emailMfaSettings(e -> e.enabled(true).preferredMfa(true)));

        AdminGetUserResponse user = user(poolId, "ann");
        assertThat(user.userMFASettingList()).containsExactly("SMS_MFA", "EMAIL_OTP");
        assertThat(user.preferredMfaSetting()).isEqualTo("EMAIL_OTP");
        assertThat(user.mfaOptions()).singleElement().satisfies(o -> {
            assertThat(o.attributeName()).isEqualTo("phone_number");
            assertThat(o.deliveryMediumAsString()).isEqualTo("SMS");
        });
    }

    @Test
    void getUserShowsTheSameAsAdminGetUser() {
        String poolId = pool();
        String clientId = client(poolId);
        String secret = totpUser(poolId, clientId, "ann");
        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ann")
                .softwareTokenMfaSettings(s -> s.preferredMfa(true)));
        var challenge = start(clientId, "ann");
        String token = respond(clientId, "SOFTWARE_TOKEN_MFA", challenge.session(), java.util.Map.of("USERNAME",
                "ann", "SOFTWARE_TOKEN_MFA_CODE", totp(secret))).authenticationResult().accessToken();

        GetUserResponse user = cognito.getUser(b -> b.accessToken(token));

        assertThat(user.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
        assertThat(user.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(user.mfaOptions()).isEmpty();
    }

    @Test
    void turningAMethodOffDropsItsPreference() {
        String poolId = pool();
        confirmedUser(poolId, "ann", attr("phone_number", "+15555550100"));
        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ann")
                .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));

        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ann")
                .smsMfaSettings(s -> s.enabled(false)));

        AdminGetUserResponse user = user(poolId, "ann");
        assertThat(user.userMFASettingList()).isEmpty();
        assertThat(user.preferredMfaSetting()).isNull();
        assertThat(user.mfaOptions()).isEmpty();
    }

    @Test
    void preferredFalseDropsThePreferenceAndKeepsTheMethod() {
        String poolId = pool();
        confirmedUser(poolId, "ann", attr("phone_number", "+15555550100"));
        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ann")
                .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));

        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ann")
                .smsMfaSettings(s -> s.preferredMfa(false)));

        assertThat(user(poolId, "ann").userMFASettingList()).containsExactly("SMS_MFA");
        assertThat(user(poolId, "ann").preferredMfaSetting()).isNull();
    }

    @Test
    void whatTheUserCannotReceiveIsRefusedAndChangesNothing() {
        String poolId = pool();
        confirmedUser(poolId, "ann", attr("email", "ann@example.com"));

        var sms = awsError("InvalidParameterException", () -> cognito.adminSetUserMFAPreference(b -> b
                .userPoolId(poolId).username("ann").smsMfaSettings(s -> s.enabled(true))));
        var totp = awsError("InvalidParameterException", () -> cognito.adminSetUserMFAPreference(b -> b
                .userPoolId(poolId).username("ann").softwareTokenMfaSettings(s -> s.enabled(true))));
        var email = awsError("InvalidParameterException", () -> cognito.adminSetUserMFAPreference(b -> b
                .userPoolId(poolId).username("ann").emailMfaSettings(s -> s.enabled(true))));

        assertThat(message(sms)).isEqualTo("User does not have a phone_number set to turn on SMS MFA");
        assertThat(message(totp)).isEqualTo("User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA");
        assertThat(message(email)).isEqualTo("User does not have delivery config set to turn on EMAIL_OTP");
        assertThat(user(poolId, "ann").userMFASettingList()).isEmpty();
    }

    @Test
    void emailMfaNeedsThePoolsEmailMfa() {
        String poolId = mfaReadyPool();
        mfa(poolId, UserPoolMfaType.OPTIONAL, "totp");
        confirmedUser(poolId, "ann", attr("email", "ann@example.com"), attr("email_verified", "true"));

        var e = awsError("InvalidParameterException", () -> cognito.adminSetUserMFAPreference(b -> b
                .userPoolId(poolId).username("ann").emailMfaSettings(s -> s.enabled(true))));

        assertThat(message(e)).isEqualTo("Email MFA is not enabled for this user pool.");
    }

    @Test
    void twoPreferredMethodsAreRefused() {
        String poolId = pool();
        confirmedUser(poolId, "ann", attr("phone_number", "+15555550100"), attr("email", "ann@example.com"),
                attr("email_verified", "true"));

        var e = awsError("InvalidParameterException", () -> cognito.adminSetUserMFAPreference(b -> b
                .userPoolId(poolId).username("ann").smsMfaSettings(s -> s.enabled(true).preferredMfa(true))
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true))));

        assertThat(message(e)).isEqualTo("Only one MFA method can be set as preferred.");
        assertThat(user(poolId, "ann").userMFASettingList()).isEmpty();
    }

    @Test
    void setUserSettingsAndSetUserMfaPreferenceAgreeOnSms() {
        String poolId = pool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ann", attr("phone_number", "+15555550100"));
        String token = adminSignIn(poolId, clientId, "ann").accessToken();
        cognito.setUserSettings(b -> b.accessToken(token).mfaOptions(MFAOptionType.builder()
                .attributeName("phone_number").deliveryMedium("SMS").build()));
        assertThat(user(poolId, "ann").userMFASettingList()).containsExactly("SMS_MFA");

        cognito.setUserMFAPreference(b -> b.accessToken(token).smsMfaSettings(s -> s.enabled(false)));

        assertThat(user(poolId, "ann").mfaOptions()).isEmpty();
        assertThat(user(poolId, "ann").preferredMfaSetting()).isNull();
    }

    @Test
    void unknownUsersAndTokensAreRefused() {
        String poolId = pool();

        awsError("UserNotFoundException", () -> cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId)
                .username("nobody").smsMfaSettings(s -> s.enabled(false))));
        awsError("NotAuthorizedException", () -> cognito.setUserMFAPreference(b -> b.accessToken("garbage")
                .smsMfaSettings(s -> s.enabled(false))));
    }
}
