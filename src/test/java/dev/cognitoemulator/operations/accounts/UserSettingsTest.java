package dev.cognitoemulator.operations.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MFAOptionType;

/**
 * SetUserSettings and AdminSetUserSettings, the legacy SMS MFA option ("You can use it to configure only SMS MFA",
 * model), and how GetUser, AdminGetUser and ListUsers show it. Sources (research self-service.md section 12): "Only
 * phone_number attribute is currently supported as a MFA option." (aws-amplify/aws-sdk-ios#382); no MFA keys at all
 * without MFA (moto's AWS-verified test_initiate_auth_USER_PASSWORD_AUTH). The delivery-medium text and the preferred
 * method the option sets are unconfirmed.
 */
class UserSettingsTest extends AccountsTestSupport {

    private static final MFAOptionType SMS = option("phone_number", DeliveryMediumType.SMS);

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("settings");
    }

    private static MFAOptionType option(String attribute, DeliveryMediumType medium) {
        return MFAOptionType.builder().attributeName(attribute).deliveryMedium(medium).build();
    }

    /** A pool, a client and alice with a phone number; returns alice's access token. */
    private String alice(String poolId) {
        confirmedUser(poolId, "alice", Attributes.attr("phone_number", "+15555550123"));
        return accessToken(poolId, passwordClient(poolId), "alice");
    }

    private GetUserResponse getUser(String token) {
        return cognito.getUser(b -> b.accessToken(token));
    }

    private AdminGetUserResponse adminGetUser(String poolId) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));
    }

    private void assertSmsOn(String poolId, String token) {
        GetUserResponse user = getUser(token);
        assertThat(user.mfaOptions()).containsExactly(SMS);
        assertThat(user.userMFASettingList()).containsExactly("SMS_MFA");
        assertThat(user.preferredMfaSetting()).isEqualTo("SMS_MFA");
        AdminGetUserResponse admin = adminGetUser(poolId);
        assertThat(admin.mfaOptions()).containsExactly(SMS);
        assertThat(admin.userMFASettingList()).containsExactly("SMS_MFA");
        assertThat(admin.preferredMfaSetting()).isEqualTo("SMS_MFA");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users().get(0).mfaOptions()).containsExactly(SMS);
    }

    private void assertNoMfaKeys(String poolId, String token) {
        GetUserResponse user = getUser(token);
        assertThat(user.hasMfaOptions()).isFalse();
        assertThat(user.hasUserMFASettingList()).isFalse();
        assertThat(user.preferredMfaSetting()).isNull();
        AdminGetUserResponse admin = adminGetUser(poolId);
        assertThat(admin.hasMfaOptions()).isFalse();
        assertThat(admin.hasUserMFASettingList()).isFalse();
        assertThat(admin.preferredMfaSetting()).isNull();
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users().get(0).hasMfaOptions()).isFalse();
    }

    @Test
    void withoutMfaThereAreNoMfaKeys() {
        String poolId = newPool();
        assertNoMfaKeys(poolId, alice(poolId));
    }

    @Test
    void setUserSettingsTurnsSmsMfaOnAndAnEmptyListOff() {
        String poolId = newPool();
        String token = alice(poolId);

        cognito.setUserSettings(b -> b.accessToken(token).mfaOptions(SMS));
        assertSmsOn(poolId, token);

        cognito.setUserSettings(b -> b.accessToken(token).mfaOptions(List.of()));
        assertNoMfaKeys(poolId, token);
    }

    @Test
    void adminSetUserSettingsDoesTheSame() {
        String poolId = newPool();
        String token = alice(poolId);

        cognito.adminSetUserSettings(b -> b.userPoolId(poolId).username("alice").mfaOptions(SMS));
        assertSmsOn(poolId, token);
        cognito.adminSetUserSettings(b -> b.userPoolId(poolId).username("alice").mfaOptions(SMS));
        assertSmsOn(poolId, token);

        cognito.adminSetUserSettings(b -> b.userPoolId(poolId).username("alice").mfaOptions(List.of()));
        assertNoMfaKeys(poolId, token);
    }

    @Test
    void onlyPhoneNumberBySmsIsAnOption() {
        String poolId = newPool();
        String token = alice(poolId);

        var email = awsError("InvalidParameterException", () -> cognito.setUserSettings(b -> b.accessToken(token)
                .mfaOptions(option("email", DeliveryMediumType.SMS))));
        var admin = awsError("InvalidParameterException", () -> cognito.adminSetUserSettings(b -> b
                .userPoolId(poolId).username("alice").mfaOptions(SMS, option("email", DeliveryMediumType.EMAIL))));
        var medium = awsError("InvalidParameterException", () -> cognito.setUserSettings(b -> b.accessToken(token)
                .mfaOptions(option("phone_number", DeliveryMediumType.EMAIL))));

        assertThat(message(email)).isEqualTo("Only phone_number attribute is currently supported as a MFA option.");
        assertThat(message(admin)).isEqualTo("Only phone_number attribute is currently supported as a MFA option.");
        assertThat(message(medium)).isEqualTo("Only SMS delivery medium is currently supported as a MFA option.");
        assertNoMfaKeys(poolId, token);
    }

    @Test
    void missingOptionsAreAValidationError() {
        String poolId = newPool();
        String token = alice(poolId);

        var self = awsError("InvalidParameterException", () -> cognito.setUserSettings(b -> b.accessToken(token)));
        var admin = awsError("InvalidParameterException", () -> cognito.adminSetUserSettings(b -> b
                .userPoolId(poolId).username("alice")));

        assertThat(message(self)).startsWith("1 validation error detected: Value null at ");
        assertThat(message(admin)).startsWith("1 validation error detected: Value null at ");
        assertNoMfaKeys(poolId, token);
    }

    @Test
    void adminSetUserSettingsOfAnUnknownUserOrPool() {
        String poolId = newPool();

        var user = awsError("UserNotFoundException", () -> cognito.adminSetUserSettings(b -> b.userPoolId(poolId)
                .username("nobody").mfaOptions(SMS)));
        var pool = awsError("ResourceNotFoundException", () -> cognito.adminSetUserSettings(b -> b
                .userPoolId(NO_POOL).username("alice").mfaOptions(SMS)));

        assertThat(message(user)).isEqualTo("User does not exist.");
        assertThat(message(pool)).isEqualTo("User pool " + NO_POOL + " does not exist.");
    }

    @Test
    void aRevokedTokenChangesNothing() {
        String poolId = newPool();
        String token = alice(poolId);
        cognito.globalSignOut(b -> b.accessToken(token));

        var e = awsError("NotAuthorizedException", () -> cognito.setUserSettings(b -> b.accessToken(token)
                .mfaOptions(SMS)));

        assertThat(message(e)).isEqualTo("Access Token has been revoked");
        assertThat(adminGetUser(poolId).hasMfaOptions()).isFalse();
    }
}
