package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.AttributeDataType;
import dev.cognitoemulator.domain.PasswordPolicy;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.SchemaRules;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AccountRecoverySettingType;
import dev.cognitoemulator.model.AdminCreateUserConfigType;
import dev.cognitoemulator.model.CreateUserPoolRequest;
import dev.cognitoemulator.model.DefaultEmailOptionType;
import dev.cognitoemulator.model.DeletionProtectionType;
import dev.cognitoemulator.model.DeviceConfigurationType;
import dev.cognitoemulator.model.EmailConfigurationType;
import dev.cognitoemulator.model.EmailSendingAccountType;
import dev.cognitoemulator.model.IssuerConfigurationType;
import dev.cognitoemulator.model.KeyConfigurationType;
import dev.cognitoemulator.model.LambdaConfigType;
import dev.cognitoemulator.model.NumberAttributeConstraintsType;
import dev.cognitoemulator.model.PasswordPolicyType;
import dev.cognitoemulator.model.SchemaAttributeType;
import dev.cognitoemulator.model.SignInPolicyType;
import dev.cognitoemulator.model.SmsConfigurationType;
import dev.cognitoemulator.model.StringAttributeConstraintsType;
import dev.cognitoemulator.model.UpdateUserPoolRequest;
import dev.cognitoemulator.model.UserAttributeUpdateSettingsType;
import dev.cognitoemulator.model.UserPoolAddOnsType;
import dev.cognitoemulator.model.UserPoolMfaType;
import dev.cognitoemulator.model.UserPoolPolicyType;
import dev.cognitoemulator.model.UserPoolTierType;
import dev.cognitoemulator.model.UserPoolType;
import dev.cognitoemulator.model.UsernameConfigurationType;
import dev.cognitoemulator.model.VerificationMessageTemplateType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Pools on the wire, in one place: the {@link PoolSettings} of a CreateUserPool or UpdateUserPool request, with
 * AWS's defaults for what it leaves out (UpdateUserPool resets to them too), and the {@code UserPoolType} that
 * CreateUserPool and DescribeUserPool return.
 */
final class Pools {

    private Pools() {
    }

    static PoolSettings settings(CreateUserPoolRequest r) {
        return settings(r.autoVerifiedAttributes(), r.deletionProtection(), r.mfaConfiguration(), r.userPoolTags(),
                r.policies(), r.lambdaConfig(), r.smsVerificationMessage(), r.emailVerificationMessage(),
                r.emailVerificationSubject(), r.verificationMessageTemplate(), r.smsAuthenticationMessage(),
                r.adminCreateUserConfig(), r.userAttributeUpdateSettings(), r.deviceConfiguration(),
                r.emailConfiguration(), r.smsConfiguration(), r.userPoolAddOns(), r.accountRecoverySetting(),
                r.userPoolTier(), r.keyConfiguration(), r.issuerConfiguration());
    }

    /** UpdateUserPool: as CreateUserPool, except that tags left out are kept. */
    static PoolSettings settings(UpdateUserPoolRequest r, PoolSettings current) {
        return settings(r.autoVerifiedAttributes(), r.deletionProtection(), r.mfaConfiguration(),
                r.userPoolTags() == null ? current.tags() : r.userPoolTags(), r.policies(), r.lambdaConfig(),
                r.smsVerificationMessage(), r.emailVerificationMessage(), r.emailVerificationSubject(),
                r.verificationMessageTemplate(), r.smsAuthenticationMessage(), r.adminCreateUserConfig(),
                r.userAttributeUpdateSettings(), r.deviceConfiguration(), r.emailConfiguration(),
                r.smsConfiguration(), r.userPoolAddOns(), r.accountRecoverySetting(), r.userPoolTier(),
                r.keyConfiguration(), r.issuerConfiguration());
    }

    private static PoolSettings settings(List<String> autoVerified, String deletionProtection, String mfa,
            Map<String, String> tags, UserPoolPolicyType policies, LambdaConfigType lambda, String smsMessage,
            String emailMessage, String emailSubject, VerificationMessageTemplateType template,
            String smsAuthenticationMessage, AdminCreateUserConfigType adminCreateUser,
            UserAttributeUpdateSettingsType updateSettings, DeviceConfigurationType device,
            EmailConfigurationType email, SmsConfigurationType sms, UserPoolAddOnsType addOns,
            AccountRecoverySettingType recovery, String tier, KeyConfigurationType keys,
            IssuerConfigurationType issuerConfiguration) {
        List<String> verified = distinct(autoVerified);
        List<String> requireVerification = updateSettings == null
                || updateSettings.attributesRequireVerificationBeforeUpdate() == null ? List.of()
                : updateSettings.attributesRequireVerificationBeforeUpdate();
        for (String attribute : requireVerification) {
            if (!verified.contains(attribute)) {
                // Captured: ekristen/aws-nuke#477.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "All attributes in AttributesRequireVerificationBeforeUpdate must exist in "
                                + "AutoVerifiedAttributes");
            }
        }
        SignInPolicyType signIn = policies == null ? null : policies.signInPolicy();
        return new PoolSettings(verified, DeletionProtectionType.ACTIVE.equals(deletionProtection),
                mfa == null ? UserPoolMfaType.OFF : mfa, tags == null ? Map.of() : tags,
                passwordPolicy(policies == null ? null : policies.passwordPolicy()),
                signIn == null || signIn.allowedFirstAuthFactors() == null ? List.of("PASSWORD")
                        : signIn.allowedFirstAuthFactors(),
                lambda == null ? LambdaConfigType.builder().build() : lambda, smsMessage, emailMessage, emailSubject,
                template == null || template.defaultEmailOption() == null
                        ? (template == null ? VerificationMessageTemplateType.builder() : template.toBuilder())
                                .defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_CODE).build()
                        : template,
                smsAuthenticationMessage,
                adminCreateUser != null && Boolean.TRUE.equals(adminCreateUser.allowAdminCreateUserOnly()),
                adminCreateUser == null || adminCreateUser.unusedAccountValidityDays() == null ? 7
                        : adminCreateUser.unusedAccountValidityDays(),
                adminCreateUser == null ? null : adminCreateUser.inviteMessageTemplate(), requireVerification,
                device,
                email == null || email.emailSendingAccount() == null
                        ? (email == null ? EmailConfigurationType.builder() : email.toBuilder())
                                .emailSendingAccount(EmailSendingAccountType.COGNITO_DEFAULT).build()
                        : email,
                sms, addOns, recovery, tier == null ? UserPoolTierType.ESSENTIALS : tier, keys, issuerConfiguration);
    }

    /** A policy given is completed with AWS's defaults (length 8, no requirement, 7 days); none given: the default. */
    private static PasswordPolicy passwordPolicy(PasswordPolicyType given) {
        if (given == null) {
            return PasswordPolicy.DEFAULT;
        }
        return new PasswordPolicy(given.minimumLength() == null ? 8 : given.minimumLength(),
                Boolean.TRUE.equals(given.requireUppercase()), Boolean.TRUE.equals(given.requireLowercase()),
                Boolean.TRUE.equals(given.requireNumbers()), Boolean.TRUE.equals(given.requireSymbols()),
                given.temporaryPasswordValidityDays() == null ? 7 : given.temporaryPasswordValidityDays(),
                given.passwordHistorySize());
    }

    /** The pool as {@code UserPoolType}. */
    static UserPoolType describe(UserPool pool, int estimatedUsers) {
        PoolSettings s = pool.settings();
        PasswordPolicy p = s.passwordPolicy();
        return UserPoolType.builder()
                .id(pool.id())
                .name(pool.name())
                .arn(pool.arn())
                .creationDate(pool.creationDate())
                .lastModifiedDate(pool.lastModifiedDate())
                .policies(new UserPoolPolicyType(new PasswordPolicyType(p.minimumLength(), p.passwordHistorySize(),
                        p.requireLowercase(), p.requireNumbers(), p.requireSymbols(), p.requireUppercase(),
                        p.temporaryPasswordValidityDays()), new SignInPolicyType(s.allowedFirstAuthFactors())))
                .deletionProtection(s.deletionProtection() ? DeletionProtectionType.ACTIVE
                        : DeletionProtectionType.INACTIVE)
                .lambdaConfig(s.lambdaConfig())
                .schemaAttributes(pool.schema().stream().map(Pools::schemaType).toList())
                .autoVerifiedAttributes(nonEmpty(s.autoVerifiedAttributes()))
                .aliasAttributes(nonEmpty(pool.aliasAttributes()))
                .usernameAttributes(nonEmpty(pool.usernameAttributes()))
                .smsVerificationMessage(s.smsVerificationMessage())
                .emailVerificationMessage(s.emailVerificationMessage())
                .emailVerificationSubject(s.emailVerificationSubject())
                .verificationMessageTemplate(s.verificationTemplate())
                .smsAuthenticationMessage(s.smsAuthenticationMessage())
                .userAttributeUpdateSettings(new UserAttributeUpdateSettingsType(
                        s.attributesRequireVerificationBeforeUpdate()))
                .mfaConfiguration(s.mfaConfiguration())
                .deviceConfiguration(s.deviceConfiguration())
                .estimatedNumberOfUsers(estimatedUsers)
                .emailConfiguration(s.emailConfiguration())
                .smsConfiguration(s.smsConfiguration())
                .userPoolTags(s.tags().isEmpty() ? null : s.tags())
                .adminCreateUserConfig(new AdminCreateUserConfigType(s.allowAdminCreateUserOnly(),
                        s.inviteMessageTemplate(), s.unusedAccountValidityDays()))
                .userPoolAddOns(s.userPoolAddOns())
                .usernameConfiguration(pool.caseSensitive() == null ? null
                        : new UsernameConfigurationType(pool.caseSensitive()))
                .accountRecoverySetting(s.accountRecoverySetting())
                .userPoolTier(s.userPoolTier())
                .keyConfiguration(s.keyConfiguration())
                .issuerConfiguration(s.issuerConfiguration())
                .build();
    }

    static SchemaAttributeType schemaType(SchemaAttribute a) {
        return new SchemaAttributeType(a.dataType().name(), a.developerOnly(), a.mutable(), a.name(),
                a.dataType() == AttributeDataType.Number
                        ? new NumberAttributeConstraintsType(a.maxValue(), a.minValue()) : null,
                a.required(),
                a.dataType() == AttributeDataType.String
                        ? new StringAttributeConstraintsType(a.maxLength(), a.minLength()) : null);
    }

    static List<SchemaRules.Definition> definitions(List<SchemaAttributeType> schema) {
        List<SchemaRules.Definition> definitions = new ArrayList<>();
        if (schema != null) {
            for (SchemaAttributeType w : schema) {
                NumberAttributeConstraintsType n = w.numberAttributeConstraints();
                StringAttributeConstraintsType s = w.stringAttributeConstraints();
                definitions.add(new SchemaRules.Definition(w.name(), w.attributeDataType(), w.developerOnlyAttribute(),
                        w.mutable(), w.required(), n == null ? null : n.minValue(), n == null ? null : n.maxValue(),
                        s == null ? null : s.minLength(), s == null ? null : s.maxLength()));
            }
        }
        return definitions;
    }

    static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> nonEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
