package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * UpdateUserPool replaces the settings: as the API reference says, "If you don't provide a value for an
 * attribute, Amazon Cognito sets it to its default value." The schema, aliases and users stay.
 */
class UpdateUserPoolTest extends CognitoTestSupport {

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    private UserPoolType describe(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
    }

    /** A pool with every setting away from its default. */
    private String customisedPool() {
        return newPool(b -> b.poolName("customised")
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12).requireUppercase(false)
                        .requireLowercase(true).requireNumbers(false).requireSymbols(false)
                        .temporaryPasswordValidityDays(2)))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.EMAIL)
                .usernameConfiguration(u -> u.caseSensitive(false))
                .deletionProtection(DeletionProtectionType.ACTIVE)
                .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING)
                        .build()));
    }

    @Test
    void settingsLeftOutGoBackToTheirDefaults() {
        String poolId = customisedPool();

        cognito.updateUserPool(b -> b.userPoolId(poolId));

        UserPoolType pool = describe(poolId);
        PasswordPolicyType policy = pool.policies().passwordPolicy();
        assertThat(policy.minimumLength()).isEqualTo(8);
        assertThat(policy.requireUppercase()).isTrue();
        assertThat(policy.requireLowercase()).isTrue();
        assertThat(policy.requireNumbers()).isTrue();
        assertThat(policy.requireSymbols()).isTrue();
        assertThat(policy.temporaryPasswordValidityDays()).isEqualTo(7);
        assertThat(pool.autoVerifiedAttributes()).isEmpty();
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.INACTIVE);
        assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly()).isFalse();
    }

    @Test
    void givenSettingsReplaceTheOldOnes() {
        String poolId = customisedPool();

        cognito.updateUserPool(b -> b.userPoolId(poolId)
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(true)
                        .requireLowercase(false).requireNumbers(true).requireSymbols(false)
                        .temporaryPasswordValidityDays(1)))
                .autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                // A phone number is verified by SMS: AWS wants the SMS configuration with it (amplify-backend#1523).
                .smsConfiguration(sms -> sms.snsCallerArn("arn:aws:iam::000000000000:role/sms"))
                .deletionProtection(DeletionProtectionType.ACTIVE));

        UserPoolType pool = describe(poolId);
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(6);
        assertThat(pool.policies().passwordPolicy().requireLowercase()).isFalse();
        assertThat(pool.policies().passwordPolicy().temporaryPasswordValidityDays()).isEqualTo(1);
        assertThat(pool.autoVerifiedAttributes()).containsExactly(VerifiedAttributeType.PHONE_NUMBER);
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.ACTIVE);
        cognito.updateUserPool(b -> b.userPoolId(poolId));
    }

    @Test
    void newPasswordPolicyAppliesToTheNextTemporaryPassword() {
        String poolId = newPool(b -> b.poolName("policy"));
        cognito.updateUserPool(b -> b.userPoolId(poolId).policies(p -> p.passwordPolicy(pp -> pp.minimumLength(16)
                .requireUppercase(false).requireLowercase(false).requireNumbers(false).requireSymbols(false))));

        var e = awsError("InvalidPasswordException", () -> cognito.adminCreateUser(b -> b.userPoolId(poolId)
                .username("short").temporaryPassword("Abcdef1!").messageAction(MessageActionType.SUPPRESS)));

        // Captured* (cognito-errors.md section 7): AdminCreateUser's prefix says "password policy".
        assertThat(message(e)).isEqualTo("Password did not conform with password policy: Password not long enough");
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("long").temporaryPassword("abcdefghijklmnop")
                .messageAction(MessageActionType.SUPPRESS));
    }

    @Test
    void lastModifiedDateMovesAndCreationDateStays() {
        String poolId = newPool(b -> b.poolName("dates"));
        UserPoolType before = describe(poolId);

        clock.advance(Duration.ofSeconds(30));
        cognito.updateUserPool(b -> b.userPoolId(poolId).mfaConfiguration("OFF"));

        UserPoolType after = describe(poolId);
        assertThat(after.creationDate()).isEqualTo(before.creationDate());
        assertThat(after.lastModifiedDate()).isAfterOrEqualTo(before.lastModifiedDate().plusSeconds(30));
    }

    @Test
    void schemaAliasesCaseSensitivityNameAndUsersSurvive() {
        String poolId = customisedPool();
        newUser(poolId, "kept");
        UserPoolType before = describe(poolId);

        cognito.updateUserPool(b -> b.userPoolId(poolId));

        UserPoolType after = describe(poolId);
        assertThat(after.id()).isEqualTo(poolId);
        assertThat(after.name()).isEqualTo("customised");
        assertThat(after.arn()).isEqualTo(before.arn());
        assertThat(after.schemaAttributes()).isEqualTo(before.schemaAttributes());
        assertThat(after.aliasAttributes()).containsExactly(AliasAttributeType.EMAIL);
        assertThat(after.usernameConfiguration().caseSensitive()).isFalse();
        assertThat(after.estimatedNumberOfUsers()).isEqualTo(1);
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("KEPT")).username())
                .isEqualToIgnoringCase("kept");
    }

    @Test
    void poolNameCanBeChanged() {
        String poolId = newPool(b -> b.poolName("old-name"));

        cognito.updateUserPool(b -> b.userPoolId(poolId).poolName("new-name"));

        assertThat(describe(poolId).name()).isEqualTo("new-name");
    }

    @Test
    void tagsAreKept() {
        String poolId = newPool(b -> b.poolName("tags").userPoolTags(Map.of("team", "a")));

        cognito.updateUserPool(b -> b.userPoolId(poolId).userPoolTags(Map.of("team", "b", "env", "dev")));

        assertThat(describe(poolId).userPoolTags()).isEqualTo(Map.of("team", "b", "env", "dev"));
    }

    @Test
    void verificationBeforeUpdateNeedsTheAttributeAutoVerified() {
        String poolId = newPool(b -> b.poolName("verify"));

        // Captured: ekristen/aws-nuke#477.
        var e = awsError("InvalidParameterException", () -> cognito.updateUserPool(b -> b.userPoolId(poolId)
                .userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdateWithStrings("email"))));

        assertThat(message(e)).isEqualTo(
                "All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes");
        cognito.updateUserPool(b -> b.userPoolId(poolId).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdateWithStrings("email")));
        assertThat(describe(poolId).userAttributeUpdateSettings().attributesRequireVerificationBeforeUpdateAsStrings())
                .isEqualTo(List.of("email"));
    }

    @Test
    void refusedUpdateChangesNothing() {
        String poolId = customisedPool();
        UserPoolType before = describe(poolId);

        awsError("InvalidParameterException", () -> cognito.updateUserPool(b -> b.userPoolId(poolId)
                .userAttributeUpdateSettings(s -> s.attributesRequireVerificationBeforeUpdateWithStrings(
                        "phone_number"))));

        assertThat(describe(poolId)).isEqualTo(before);
        cognito.updateUserPool(b -> b.userPoolId(poolId));
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException",
                () -> cognito.updateUserPool(b -> b.userPoolId("us-east-1_Nope12345")));

        assertThat(message(e)).isEqualTo("User pool us-east-1_Nope12345 does not exist.");
    }
}
