package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.AttributeDataType;
import dev.cognitoemulator.domain.PasswordPolicy;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.SchemaRules;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AccountRecoverySettingType;
import dev.cognitoemulator.model.AdminCreateUserConfigType;
import dev.cognitoemulator.model.CreateUserPoolRequest;
import dev.cognitoemulator.model.DeletionProtectionType;
import dev.cognitoemulator.model.DeviceConfigurationType;
import dev.cognitoemulator.model.EmailConfigurationType;
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
        return settings(false, r.autoVerifiedAttributes(), r.deletionProtection(), r.mfaConfiguration(),
                r.userPoolTags(),
                r.policies(), r.lambdaConfig(), r.smsVerificationMessage(), r.emailVerificationMessage(),
                r.emailVerificationSubject(), r.verificationMessageTemplate(), r.smsAuthenticationMessage(),
                r.adminCreateUserConfig(), r.userAttributeUpdateSettings(), r.deviceConfiguration(),
                r.emailConfiguration(), r.smsConfiguration(), r.userPoolAddOns(), r.accountRecoverySetting(),
                r.userPoolTier(), r.keyConfiguration(), r.issuerConfiguration());
    }

    /**
     * UpdateUserPool: as CreateUserPool, except that tags left out are kept, and MFA may be on without an
     * SmsConfiguration when the pool has TOTP or e-mail MFA on (SetUserPoolMfaConfig's).
     */
    static PoolSettings settings(UpdateUserPoolRequest r, UserPool pool) {
        PoolSettings current = pool.settings();
        boolean otherFactor = pool.factors().softwareTokenMfa() || pool.factors().emailMfa() != null;
        return settings(otherFactor, r.autoVerifiedAttributes(), r.deletionProtection(), r.mfaConfiguration(),
                r.userPoolTags() == null ? current.tags() : r.userPoolTags(), r.policies(), r.lambdaConfig(),
                r.smsVerificationMessage(), r.emailVerificationMessage(), r.emailVerificationSubject(),
                r.verificationMessageTemplate(), r.smsAuthenticationMessage(), r.adminCreateUserConfig(),
                r.userAttributeUpdateSettings(), r.deviceConfiguration(), r.emailConfiguration(),
                r.smsConfiguration(), r.userPoolAddOns(), r.accountRecoverySetting(), r.userPoolTier(),
                r.keyConfiguration(), r.issuerConfiguration());
    }

    private static PoolSettings settings(boolean otherFactor, List<String> autoVerified, String deletionProtection,
            String mfa,
            Map<String, String> tags, UserPoolPolicyType policies, LambdaConfigType lambda, String smsMessage,
            String emailMessage, String emailSubject, VerificationMessageTemplateType template,
            String smsAuthenticationMessage, AdminCreateUserConfigType adminCreateUser,
            UserAttributeUpdateSettingsType updateSettings, DeviceConfigurationType device,
            EmailConfigurationType email, SmsConfigurationType sms, UserPoolAddOnsType addOns,
            AccountRecoverySettingType recovery, String tier, KeyConfigurationType keys,
            IssuerConfigurationType issuerConfiguration) {
        PoolSettings d = PoolSettings.defaults();
        List<String> verified = distinct(autoVerified);
        List<String> requireVerification = updateSettings == null
                || updateSettings.attributesRequireVerificationBeforeUpdate() == null
                ? d.attributesRequireVerificationBeforeUpdate()
                : updateSettings.attributesRequireVerificationBeforeUpdate();
        for (String attribute : requireVerification) {
            if (!verified.contains(attribute)) {
                // Captured: ekristen/aws-nuke#477.
                throw invalid("All attributes in AttributesRequireVerificationBeforeUpdate must exist in "
                        + "AutoVerifiedAttributes");
            }
        }
        String mfaConfiguration = mfa == null ? d.mfaConfiguration() : mfa;
        if (!UserPoolMfaType.OFF.equals(mfaConfiguration) && sms == null && !otherFactor) {
            // Captured: aws/aws-cdk#12075; documented: "If you omit SmsConfiguration, the operation returns an
            // InvalidParameterException" (TOTP and email MFA are SetUserPoolMfaConfig's).
            throw invalid("SMS configuration and Auto verification for phone_number are required when MFA is "
                    + "required/optional");
        }
        if (verified.contains("phone_number") && sms == null) {
            // Captured*: quoted from Cognito by aws-amplify/amplify-backend#1523.
            throw invalid("SMS configuration is required when phone_number is selected for auto verification");
        }
        PasswordPolicy passwordPolicy = passwordPolicy(policies == null ? null : policies.passwordPolicy(),
                adminCreateUser == null ? null : positive(adminCreateUser.unusedAccountValidityDays()));
        SignInPolicyType signIn = policies == null ? null : policies.signInPolicy();
        String poolTier = tier == null ? d.userPoolTier() : tier;
        if (addOns != null && !ThreatProtection.OFF.equals(addOns.advancedSecurityMode()) && !"PLUS".equals(poolTier)) {
            // Captured for ESSENTIALS: hashicorp/terraform-provider-aws#40734, aws/aws-cdk#33565 (threat protection
            // is the Plus plan's: documented, feature-plans-features-plus).
            throw new CognitoException(ErrorCode.FeatureUnavailableInTierException,
                    "The following features need to be disabled for the " + poolTier
                            + " pricing tier configured: Threat Protection");
        }
        List<String> firstFactors = signIn == null || signIn.allowedFirstAuthFactors() == null
                ? d.allowedFirstAuthFactors() : firstFactors(signIn.allowedFirstAuthFactors(), poolTier);
        VerificationMessageTemplateType t = template == null ? VerificationMessageTemplateType.builder().build()
                : template;
        // The template and the older top-level texts fill each other in; given both, each is kept as given
        // (hashicorp/terraform-provider-aws withVerificationMessageTemplate test; AWS's CreateUserPool example).
        return new PoolSettings(verified, DeletionProtectionType.ACTIVE.equals(deletionProtection), mfaConfiguration,
                tags == null ? d.tags() : tags, passwordPolicy,
                firstFactors,
                lambda == null ? d.lambdaConfig() : lambda,
                first(smsMessage, t.smsMessage()), first(emailMessage, t.emailMessage()),
                first(emailSubject, t.emailSubject()),
                t.toBuilder().defaultEmailOption(first(t.defaultEmailOption(),
                        d.verificationTemplate().defaultEmailOption())).smsMessage(first(t.smsMessage(), smsMessage))
                        .emailMessage(first(t.emailMessage(), emailMessage))
                        .emailSubject(first(t.emailSubject(), emailSubject)).build(),
                smsAuthenticationMessage,
                adminCreateUser != null && Boolean.TRUE.equals(adminCreateUser.allowAdminCreateUserOnly()),
                // The older setting mirrors the policy's (1 and 1, 7 and 7 in AWS's answers).
                passwordPolicy.temporaryPasswordValidityDays(),
                adminCreateUser == null ? null : adminCreateUser.inviteMessageTemplate(), requireVerification,
                device,
                email == null ? d.emailConfiguration() : email.emailSendingAccount() != null ? email
                        : email.toBuilder().emailSendingAccount(d.emailConfiguration().emailSendingAccount()).build(),
                sms, addOns, recovery, poolTier, keys, issuerConfiguration);
    }

    /**
     * {@code SignInPolicy.AllowedFirstAuthFactors}: PASSWORD always among them (a pool signs in with passwords
     * whatever else it allows), never SOFTWARE_TOKEN (documented: API reference, SignInPolicyType), and nothing
     * passwordless on the Lite plan (documented: feature-plans-features-essentials; text captured:
     * aws-amplify/amplify-backend#2805, error code unconfirmed). The other texts are unconfirmed.
     */
    private static List<String> firstFactors(List<String> given, String tier) {
        List<String> factors = distinct(given);
        if (factors.contains("SOFTWARE_TOKEN")) {
            throw invalid("SOFTWARE_TOKEN is not supported as a first auth factor.");
        }
        if (!factors.contains("PASSWORD")) {
            throw invalid("PASSWORD must be one of the AllowedFirstAuthFactors.");
        }
        if (factors.size() > 1 && "LITE".equals(tier)) {
            throw new CognitoException(ErrorCode.FeatureUnavailableInTierException,
                    "The following features need to be disabled for the LITE pricing tier configured: "
                            + "Passwordless Sign-In");
        }
        return factors;
    }

    /**
     * A policy given is completed with AWS's defaults (length 8, no requirement, 7 days); none given: the default.
     * A temporary password's validity of 0 is no value (documented); the older UnusedAccountValidityDays gives it
     * when the policy does not, and may not be given beside it.
     */
    private static PasswordPolicy passwordPolicy(PasswordPolicyType given, Integer unusedAccountValidityDays) {
        Integer temporary = given == null ? null : positive(given.temporaryPasswordValidityDays());
        if (temporary != null && unusedAccountValidityDays != null) {
            // Captured: aws/aws-sdk-js#3817, hashicorp/terraform-provider-aws#8845.
            throw invalid("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of "
                    + "UnusedAccountValidityDays");
        }
        int days = temporary != null ? temporary : unusedAccountValidityDays != null ? unusedAccountValidityDays
                : PasswordPolicy.DEFAULT.temporaryPasswordValidityDays();
        if (given == null) {
            PasswordPolicy d = PasswordPolicy.DEFAULT;
            return new PasswordPolicy(d.minimumLength(), d.requireUppercase(), d.requireLowercase(),
                    d.requireNumbers(), d.requireSymbols(), days, d.passwordHistorySize());
        }
        return new PasswordPolicy(given.minimumLength() == null ? 8 : given.minimumLength(),
                Boolean.TRUE.equals(given.requireUppercase()), Boolean.TRUE.equals(given.requireLowercase()),
                Boolean.TRUE.equals(given.requireNumbers()), Boolean.TRUE.equals(given.requireSymbols()), days,
                given.passwordHistorySize());
    }

    private static Integer positive(Integer value) {
        return value == null || value == 0 ? null : value;
    }

    private static String first(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
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
