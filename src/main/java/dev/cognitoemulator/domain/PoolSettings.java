package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.AccountRecoverySettingType;
import dev.cognitoemulator.model.DeviceConfigurationType;
import dev.cognitoemulator.model.EmailConfigurationType;
import dev.cognitoemulator.model.IssuerConfigurationType;
import dev.cognitoemulator.model.KeyConfigurationType;
import dev.cognitoemulator.model.LambdaConfigType;
import dev.cognitoemulator.model.MessageTemplateType;
import dev.cognitoemulator.model.SmsConfigurationType;
import dev.cognitoemulator.model.UserPoolAddOnsType;
import dev.cognitoemulator.model.VerificationMessageTemplateType;
import java.util.List;
import java.util.Map;

/**
 * What CreateUserPool sets and UpdateUserPool replaces as a whole (a setting UpdateUserPool leaves out goes back to
 * its default), with AWS's defaults filled in. Settings the emulator keeps as given, to interpret later (triggers,
 * message delivery, devices, ...), are the model's own types.
 *
 * @param mfaConfiguration {@code OFF}, {@code ON} or {@code OPTIONAL}
 * @param verificationTemplate never null: AWS always answers with one
 * @param smsVerificationMessage null unless given (likewise the other message texts)
 * @param inviteMessageTemplate of {@code AdminCreateUserConfig}; null unless given
 */
public record PoolSettings(List<String> autoVerifiedAttributes, boolean deletionProtection, String mfaConfiguration,
        Map<String, String> tags, PasswordPolicy passwordPolicy, List<String> allowedFirstAuthFactors,
        LambdaConfigType lambdaConfig, String smsVerificationMessage, String emailVerificationMessage,
        String emailVerificationSubject, VerificationMessageTemplateType verificationTemplate,
        String smsAuthenticationMessage, boolean allowAdminCreateUserOnly, int unusedAccountValidityDays,
        MessageTemplateType inviteMessageTemplate, List<String> attributesRequireVerificationBeforeUpdate,
        DeviceConfigurationType deviceConfiguration, EmailConfigurationType emailConfiguration,
        SmsConfigurationType smsConfiguration, UserPoolAddOnsType userPoolAddOns,
        AccountRecoverySettingType accountRecoverySetting, String userPoolTier, KeyConfigurationType keyConfiguration,
        IssuerConfigurationType issuerConfiguration) {

    public PoolSettings {
        autoVerifiedAttributes = List.copyOf(autoVerifiedAttributes);
        tags = Map.copyOf(tags);
        allowedFirstAuthFactors = List.copyOf(allowedFirstAuthFactors);
        attributesRequireVerificationBeforeUpdate = List.copyOf(attributesRequireVerificationBeforeUpdate);
    }

    /** What AWS gives a pool created with only a name (captures in the tests of CreateUserPool). */
    public static PoolSettings defaults() {
        return new PoolSettings(List.of(), false, "OFF", Map.of(), PasswordPolicy.DEFAULT, List.of("PASSWORD"),
                LambdaConfigType.builder().build(), null, null, null,
                VerificationMessageTemplateType.builder().defaultEmailOption("CONFIRM_WITH_CODE").build(), null, false,
                PasswordPolicy.DEFAULT.temporaryPasswordValidityDays(), null, List.of(), null,
                EmailConfigurationType.builder().emailSendingAccount("COGNITO_DEFAULT").build(), null, null, null,
                "ESSENTIALS", null, null);
    }

    /**
     * Whether the pool remembers devices: any property of {@code DeviceConfiguration} given turns it on (documented:
     * API reference, DeviceConfigurationType).
     */
    public boolean tracksDevices() {
        return deviceConfiguration != null && (deviceConfiguration.challengeRequiredOnNewDevice() != null
                || deviceConfiguration.deviceOnlyRememberedOnUserPrompt() != null);
    }

    /** Whether a confirmed device stays not remembered until the user says so ({@code UpdateDeviceStatus}). */
    public boolean devicesRememberedOnPromptOnly() {
        return tracksDevices() && Boolean.TRUE.equals(deviceConfiguration.deviceOnlyRememberedOnUserPrompt());
    }

    /** SetUserPoolMfaConfig: the pool's MFA mode, SMS MFA text and SMS configuration. */
    public PoolSettings withMfa(String mode, String smsMessage, SmsConfigurationType sms) {
        return new PoolSettings(autoVerifiedAttributes, deletionProtection, mode, tags, passwordPolicy,
                allowedFirstAuthFactors, lambdaConfig, smsVerificationMessage, emailVerificationMessage,
                emailVerificationSubject, verificationTemplate, smsMessage, allowAdminCreateUserOnly,
                unusedAccountValidityDays, inviteMessageTemplate, attributesRequireVerificationBeforeUpdate,
                deviceConfiguration, emailConfiguration, sms, userPoolAddOns, accountRecoverySetting,
                userPoolTier, keyConfiguration, issuerConfiguration);
    }

    public PoolSettings withTags(Map<String, String> value) {
        return new PoolSettings(autoVerifiedAttributes, deletionProtection, mfaConfiguration, value, passwordPolicy,
                allowedFirstAuthFactors, lambdaConfig, smsVerificationMessage, emailVerificationMessage,
                emailVerificationSubject, verificationTemplate, smsAuthenticationMessage, allowAdminCreateUserOnly,
                unusedAccountValidityDays, inviteMessageTemplate, attributesRequireVerificationBeforeUpdate,
                deviceConfiguration, emailConfiguration, smsConfiguration, userPoolAddOns, accountRecoverySetting,
                userPoolTier, keyConfiguration, issuerConfiguration);
    }
}
