package dev.cognitoemulator.operations.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * SetUserPoolMfaConfig and GetUserPoolMfaConfig, and how they agree with CreateUserPool, UpdateUserPool and
 * DescribeUserPool. Captured: OFF with a factor (go-to-k/cdkd#1923), ON or OPTIONAL with none (anomalyco/sst#5177).
 * Unconfirmed: the texts for SMS MFA without an SmsConfiguration and for e-mail MFA without SES sending or in the
 * Lite tier.
 */
class PoolMfaConfigTest extends MfaTestSupport {

    private GetUserPoolMfaConfigResponse config(String poolId) {
        return cognito.getUserPoolMfaConfig(b -> b.userPoolId(poolId));
    }

    private UserPoolType describe(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
    }

    @Test
    void aNewPoolHasMfaOffAndTotpDisabled() {
        String poolId = newPool();

        GetUserPoolMfaConfigResponse config = config(poolId);

        assertThat(config.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThat(config.softwareTokenMfaConfiguration().enabled()).isFalse();
        assertThat(config.smsMfaConfiguration()).isNull();
        assertThat(config.emailMfaConfiguration()).isNull();
        assertThat(config.webAuthnConfiguration()).isNull();
    }

    @Test
    void setTurnsOnTheFactorsGivenAndAnswersThem() {
        String poolId = mfaReadyPool();

        var answer = cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(s -> s.smsAuthenticationMessage("Code {####}"))
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .emailMfaConfiguration(e -> e.message("Your code: {####}").subject("Code"))
                .webAuthnConfiguration(w -> w.relyingPartyId("auth.example.com").userVerification("preferred")));

        assertThat(answer.mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
        assertThat(answer.smsMfaConfiguration().smsAuthenticationMessage()).isEqualTo("Code {####}");
        assertThat(answer.smsMfaConfiguration().smsConfiguration().snsCallerArn()).isEqualTo(SNS_ROLE);
        assertThat(answer.softwareTokenMfaConfiguration().enabled()).isTrue();
        assertThat(answer.emailMfaConfiguration().message()).isEqualTo("Your code: {####}");
        assertThat(answer.webAuthnConfiguration().relyingPartyId()).isEqualTo("auth.example.com");
        GetUserPoolMfaConfigResponse config = config(poolId);
        assertThat(config.smsMfaConfiguration()).isEqualTo(answer.smsMfaConfiguration());
        assertThat(config.emailMfaConfiguration()).isEqualTo(answer.emailMfaConfiguration());
        assertThat(config.webAuthnConfiguration()).isEqualTo(answer.webAuthnConfiguration());
        UserPoolType pool = describe(poolId);
        assertThat(pool.mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
        assertThat(pool.smsAuthenticationMessage()).isEqualTo("Code {####}");
    }

    @Test
    void aFactorLeftOutIsOffAndPasskeysStay() {
        String poolId = mfaReadyPool();
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OFF)
                .webAuthnConfiguration(w -> w.relyingPartyId("a.com")));
        mfa(poolId, UserPoolMfaType.ON, "sms", "totp");

        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));

        GetUserPoolMfaConfigResponse config = config(poolId);
        assertThat(config.smsMfaConfiguration()).isNull();
        assertThat(config.softwareTokenMfaConfiguration().enabled()).isTrue();
        assertThat(config.webAuthnConfiguration().relyingPartyId()).isEqualTo("a.com");
    }

    @Test
    void offWithAFactorIsRefused() {
        String poolId = mfaReadyPool();

        var e = awsError("InvalidParameterException", () -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OFF).softwareTokenMfaConfiguration(t -> t.enabled(true))));

        assertThat(message(e)).isEqualTo(
                "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.");
        assertThat(config(poolId).softwareTokenMfaConfiguration().enabled()).isFalse();
    }

    @Test
    void onOrOptionalWithoutAFactorIsRefused() {
        String poolId = mfaReadyPool();

        var on = awsError("InvalidParameterException", () -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.ON).softwareTokenMfaConfiguration(t -> t.enabled(false))));
        var optional = awsError("InvalidParameterException", () -> cognito.setUserPoolMfaConfig(b -> b
                .userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)));

        assertThat(message(on)).isEqualTo("Invalid MFA configuration given, can't disable all MFAs with a required "
                + "or optional configuration.");
        assertThat(message(optional)).isEqualTo(message(on));
        assertThat(config(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
    }

    @Test
    void smsMfaNeedsAnSmsConfiguration() {
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.ON).smsMfaConfiguration(s -> s.smsAuthenticationMessage("{####}!"))));
        assertThat(message(e)).isEqualTo("SMS configuration is required when SMS MFA is enabled");
        assertThat(config(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);

        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)
                .smsMfaConfiguration(s -> s.smsConfiguration(c -> c.snsCallerArn(SNS_ROLE))));
        assertThat(describe(poolId).smsConfiguration().snsCallerArn()).isEqualTo(SNS_ROLE);
    }

    @Test
    void theSmsTextMustHoldThePlaceholder() {
        String poolId = mfaReadyPool();

        awsError("InvalidParameterException", () -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.ON).smsMfaConfiguration(s -> s.smsAuthenticationMessage("no code"))));

        assertThat(config(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
    }

    @Test
    void emailMfaNeedsSesSendingAndTheEssentialsTier() {
        String cognitoSends = newPool();
        String lite = newPool(b -> canSendCodes(b.userPoolTier(UserPoolTierType.LITE)));

        var sender = awsError("InvalidParameterException", () -> cognito.setUserPoolMfaConfig(b -> b
                .userPoolId(cognitoSends).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .emailMfaConfiguration(e -> e.subject("Code"))));
        var tier = awsError("FeatureUnavailableInTierException", () -> cognito.setUserPoolMfaConfig(b -> b
                .userPoolId(lite).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .emailMfaConfiguration(e -> e.subject("Code"))));

        assertThat(message(sender)).isEqualTo(
                "Email MFA requires the user pool's EmailConfiguration to use the DEVELOPER EmailSendingAccount.");
        assertThat(message(tier)).isEqualTo(
                "The following features need to be disabled for the LITE pricing tier configured: Email MFA");
        assertThat(config(cognitoSends).emailMfaConfiguration()).isNull();
        assertThat(config(lite).emailMfaConfiguration()).isNull();
    }

    @Test
    void withoutMfaConfigurationTheModeStays() {
        String poolId = mfaReadyPool();
        mfa(poolId, UserPoolMfaType.OPTIONAL, "totp");

        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).softwareTokenMfaConfiguration(t -> t.enabled(true))
                .smsMfaConfiguration(s -> s.smsAuthenticationMessage("Code {####}")));

        assertThat(config(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
        assertThat(config(poolId).smsMfaConfiguration()).isNotNull();
    }

    @Test
    void createUserPoolWithMfaOnTurnsSmsMfaOn() {
        String poolId = newPool(b -> b.mfaConfiguration(UserPoolMfaType.ON).smsAuthenticationMessage("Hi {####}")
                .smsConfiguration(s -> s.snsCallerArn(SNS_ROLE)));

        GetUserPoolMfaConfigResponse config = config(poolId);

        assertThat(config.mfaConfiguration()).isEqualTo(UserPoolMfaType.ON);
        assertThat(config.smsMfaConfiguration().smsAuthenticationMessage()).isEqualTo("Hi {####}");
        assertThat(config.softwareTokenMfaConfiguration().enabled()).isFalse();
    }

    @Test
    void updateUserPoolKeepsTotpAndNeedsNoSmsConfigurationForIt() {
        String poolId = newPool();
        mfa(poolId, UserPoolMfaType.ON, "totp");

        cognito.updateUserPool(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON));

        assertThat(config(poolId).softwareTokenMfaConfiguration().enabled()).isTrue();
        assertThat(describe(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.ON);

        cognito.updateUserPool(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OFF));

        assertThat(config(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThat(config(poolId).softwareTokenMfaConfiguration().enabled()).isFalse();
    }

    @Test
    void anUnknownPoolIsResourceNotFound() {
        awsError("ResourceNotFoundException", () -> cognito.getUserPoolMfaConfig(b -> b.userPoolId(NO_POOL)));
        awsError("ResourceNotFoundException", () -> cognito.setUserPoolMfaConfig(b -> b.userPoolId(NO_POOL)
                .mfaConfiguration(UserPoolMfaType.OFF)));
    }

    @Test
    void emailSendingAccountTypeIsKept() {
        String poolId = mfaReadyPool();
        mfa(poolId, UserPoolMfaType.OPTIONAL, "email");

        assertThat(describe(poolId).emailConfiguration().emailSendingAccount())
                .isEqualTo(EmailSendingAccountType.DEVELOPER);
        assertThat(config(poolId).emailMfaConfiguration().subject()).isEqualTo("Sign-in code");
    }
}
