package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Pool settings as AWS answers and refuses them in CreateUserPool, UpdateUserPool and AddCustomAttributes. Sources
 * in each test: "captured" where AWS's answer was seen, "unconfirmed" where only moto's suite (which follows AWS)
 * or the documentation gives it.
 */
class PoolSettingsTest extends CognitoTestSupport {

    private UserPoolType describe(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
    }

    private static Map<String, SchemaAttributeType> schema(UserPoolType pool) {
        return pool.schemaAttributes().stream().collect(Collectors.toMap(SchemaAttributeType::name,
                Function.identity()));
    }

    // --- what a pool created with only a name says ---------------------------------------------------------

    @Test
    void aNewPoolHasTheDefaultsAwsAnswersWith() {
        // Captured: boto/boto3#2516 (raw body, 2020), a 2025 DescribeUserPool with headers, terraform-provider-aws
        // acceptance tests run against AWS (TestAccCognitoIDPUserPool_basic).
        UserPoolType pool = describe(newPool());

        assertThat(pool.verificationMessageTemplate().defaultEmailOption())
                .isEqualTo(DefaultEmailOptionType.CONFIRM_WITH_CODE);
        assertThat(pool.verificationMessageTemplate().emailMessage()).isNull();
        assertThat(pool.emailVerificationMessage()).isNull();
        assertThat(pool.smsVerificationMessage()).isNull();
        assertThat(pool.adminCreateUserConfig().unusedAccountValidityDays()).isEqualTo(7);
        assertThat(pool.adminCreateUserConfig().inviteMessageTemplate()).isNull();
        assertThat(pool.emailConfiguration().emailSendingAccountAsString()).isEqualTo("COGNITO_DEFAULT");
        assertThat(pool.policies().signInPolicy().allowedFirstAuthFactorsAsStrings()).containsExactly("PASSWORD");
        assertThat(pool.userPoolTierAsString()).isEqualTo("ESSENTIALS");
        assertThat(pool.accountRecoverySetting()).isNull();
        assertThat(pool.lambdaConfig()).isNotNull();
    }

    @Test
    void standardAttributesCarryTheConstraintsAwsShows() {
        // Captured: every published DescribeUserPool (aws/aws-cli examples, boto/boto3#2516).
        Map<String, SchemaAttributeType> schema = schema(describe(newPool()));

        assertThat(schema.get("sub").stringAttributeConstraints().minLength()).isEqualTo("1");
        assertThat(schema.get("birthdate").stringAttributeConstraints().maxLength()).isEqualTo("10");
        assertThat(schema.get("email_verified").stringAttributeConstraints()).isNull();
        assertThat(schema.get("email_verified").numberAttributeConstraints()).isNull();
        assertThat(schema.get("updated_at").numberAttributeConstraints().minValue()).isEqualTo("0");
        assertThat(schema.get("updated_at").numberAttributeConstraints().maxValue()).isNull();
    }

    @Test
    void aCustomStringWithoutConstraintsIsAtMost2048Long() {
        // Captured*: aws/aws-cli describe-user-pool example (custom:accesstoken {"MaxLength": "2048"}).
        String poolId = newPool(b -> b.schema(SchemaAttributeType.builder().name("tier")
                .attributeDataType(AttributeDataType.STRING).build()));

        SchemaAttributeType tier = schema(describe(poolId)).get("custom:tier");
        assertThat(tier.stringAttributeConstraints().maxLength()).isEqualTo("2048");
        assertThat(tier.stringAttributeConstraints().minLength()).isNull();
    }

    @Test
    void constraintsOfTheOtherDataTypeAreDropped() {
        // Documented: AWS's CreateUserPool example gives a Number both kinds and answers only the number's.
        String poolId = newPool(b -> b.schema(SchemaAttributeType.builder().name("score")
                .attributeDataType(AttributeDataType.NUMBER)
                .numberAttributeConstraints(n -> n.minValue("1").maxValue("99"))
                .stringAttributeConstraints(s -> s.minLength("1").maxLength("99")).build()));

        SchemaAttributeType score = schema(describe(poolId)).get("custom:score");
        assertThat(score.numberAttributeConstraints().maxValue()).isEqualTo("99");
        assertThat(score.stringAttributeConstraints()).isNull();
    }

    @Test
    void aStandardStringTakesTheLengthsItIsGiven() {
        // Captured: boto/boto3#2317 (given_name 2..100 accepted).
        String poolId = newPool(b -> b.schema(SchemaAttributeType.builder().name("given_name")
                .attributeDataType(AttributeDataType.STRING).mutable(true)
                .stringAttributeConstraints(s -> s.minLength("2").maxLength("100")).build()));

        SchemaAttributeType givenName = schema(describe(poolId)).get("given_name");
        assertThat(givenName.stringAttributeConstraints().minLength()).isEqualTo("2");
        assertThat(givenName.stringAttributeConstraints().maxLength()).isEqualTo("100");
        assertThat(schema(describe(poolId))).doesNotContainKey("custom:given_name");
    }

    // --- the verification texts fill each other in ---------------------------------------------------------

    @Test
    void theTemplateGivesTheOlderTopLevelTexts() {
        // Captured: terraform-provider-aws withVerificationMessageTemplate ("will implicitly set
        // EmailVerificationMessage, EmailVerificationSubject and SmsVerificationMessage").
        UserPoolType pool = describe(newPool(b -> b.verificationMessageTemplate(t -> t
                .emailMessage("Code {####}").emailSubject("Your code").smsMessage("SMS {####}"))));

        assertThat(pool.emailVerificationMessage()).isEqualTo("Code {####}");
        assertThat(pool.emailVerificationSubject()).isEqualTo("Your code");
        assertThat(pool.smsVerificationMessage()).isEqualTo("SMS {####}");
        assertThat(pool.verificationMessageTemplate().defaultEmailOption())
                .isEqualTo(DefaultEmailOptionType.CONFIRM_WITH_CODE);
    }

    @Test
    void theOlderTextsGiveTheTemplatesAndBothGivenAreKeptAsGiven() {
        // Captured (terraform-provider-aws, second step) and documented (AWS's CreateUserPool example).
        UserPoolType legacy = describe(newPool(b -> b.emailVerificationMessage("Code {####}")
                .emailVerificationSubject("Verify").smsVerificationMessage("SMS {####}")));
        assertThat(legacy.verificationMessageTemplate().emailMessage()).isEqualTo("Code {####}");
        assertThat(legacy.verificationMessageTemplate().emailSubject()).isEqualTo("Verify");
        assertThat(legacy.verificationMessageTemplate().smsMessage()).isEqualTo("SMS {####}");

        UserPoolType both = describe(newPool(b -> b.emailVerificationMessage("Your verification code is {####}.")
                .verificationMessageTemplate(t -> t.emailMessage("Your confirmation code is {####}"))));
        assertThat(both.emailVerificationMessage()).isEqualTo("Your verification code is {####}.");
        assertThat(both.verificationMessageTemplate().emailMessage()).isEqualTo("Your confirmation code is {####}");
    }

    // --- temporary password validity -----------------------------------------------------------------------

    @Test
    void unusedAccountValidityDaysMirrorsTheTemporaryPasswordValidity() {
        // Captured: AWS answers 1 and 1, 7 and 7 (aws/aws-cli describe-user-pool example, boto/boto3#2516).
        UserPoolType policy = describe(newPool(b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8)
                .temporaryPasswordValidityDays(3)))));
        assertThat(policy.adminCreateUserConfig().unusedAccountValidityDays()).isEqualTo(3);

        UserPoolType legacy = describe(newPool(b -> b.adminCreateUserConfig(a -> a.unusedAccountValidityDays(5))));
        assertThat(legacy.policies().passwordPolicy().temporaryPasswordValidityDays()).isEqualTo(5);
        assertThat(legacy.adminCreateUserConfig().unusedAccountValidityDays()).isEqualTo(5);
    }

    @Test
    void aTemporaryValidityOfZeroIsNoValue() {
        // Documented (PasswordPolicyType): 0 is treated as a null value, the default applies.
        UserPoolType pool = describe(newPool(b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8)
                .temporaryPasswordValidityDays(0)))));

        assertThat(pool.policies().passwordPolicy().temporaryPasswordValidityDays()).isEqualTo(7);
    }

    @Test
    void unusedAccountValidityDaysBesideThePolicysIsRefused() {
        // Captured: aws/aws-sdk-js#3817, hashicorp/terraform-provider-aws#8845.
        var e = awsError("InvalidParameterException", () -> newPool(b -> b
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8).temporaryPasswordValidityDays(3)))
                .adminCreateUserConfig(a -> a.unusedAccountValidityDays(5))));

        assertThat(message(e)).isEqualTo(
                "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays");
    }

    // --- SMS ------------------------------------------------------------------------------------------------

    @Test
    void mfaWithoutSmsConfigurationIsRefused() {
        // Captured: aws/aws-cdk#12075; documented: "If you omit SmsConfiguration, the operation returns an
        // InvalidParameterException".
        var e = awsError("InvalidParameterException", () -> newPool(b -> b
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)));

        assertThat(message(e)).isEqualTo("SMS configuration and Auto verification for phone_number are required "
                + "when MFA is required/optional");
        String poolId = newPool(b -> b.mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsConfiguration(s -> s.snsCallerArn("arn:aws:iam::000000000000:role/sms")));
        assertThat(describe(poolId).mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
    }

    @Test
    void autoVerifiedPhoneNumbersNeedTheSmsConfiguration() {
        // Captured*: quoted from Cognito by aws-amplify/amplify-backend#1523.
        var e = awsError("InvalidParameterException", () -> newPool(b -> b
                .autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)));
        assertThat(message(e)).isEqualTo(
                "SMS configuration is required when phone_number is selected for auto verification");

        String poolId = newPool();
        e = awsError("InvalidParameterException", () -> cognito.updateUserPool(b -> b.userPoolId(poolId)
                .autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)));
        assertThat(message(e)).isEqualTo(
                "SMS configuration is required when phone_number is selected for auto verification");
        assertThat(describe(poolId).autoVerifiedAttributes()).as("nothing changed").isEmpty();
    }

    // --- schema refusals -----------------------------------------------------------------------------------

    @Test
    void aCustomAttributeWithoutDataTypeIsRefused() {
        // Captured text: anomalyco/sst#1645, aws-amplify/amplify-cli#9960.
        var e = awsError("InvalidParameterException", () -> newPool(b -> b
                .schema(SchemaAttributeType.builder().name("tier").build())));
        assertThat(message(e)).isEqualTo(
                "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.");

        String poolId = newPool();
        e = awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(SchemaAttributeType.builder().name("tier").build())));
        assertThat(message(e)).isEqualTo(
                "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.");
    }

    @Test
    void stringLengthsOver2048OrUpsideDownAreRefused() {
        // Unconfirmed: moto's texts (getmoto/moto PR #4493).
        var tooLong = awsError("InvalidParameterException", () -> newPool(b -> b.schema(string("tier", "0", "4096"))));
        assertThat(message(tooLong)).isEqualTo(
                "user.custom:tier: String attributes cannot have a length of more than 2048");

        var upsideDown = awsError("InvalidParameterException", () -> newPool(b -> b.schema(string("tier", "9", "3"))));
        assertThat(message(upsideDown)).isEqualTo("user.custom:tier: Max length cannot be less than min length.");

        var notANumber = awsError("InvalidParameterException", () -> newPool(b -> b.schema(string("tier", "x", "3"))));
        assertThat(message(notANumber)).isEqualTo("Invalid StringAttributeConstraints for schema attribute custom:tier");
    }

    @Test
    void numberBoundsUpsideDownOrNotNumbersAreRefused() {
        // Unconfirmed: moto's texts.
        var upsideDown = awsError("InvalidParameterException", () -> newPool(b -> b.schema(number("score", "9", "3"))));
        assertThat(message(upsideDown)).isEqualTo("user.custom:score: Max value cannot be less than min value.");

        var notANumber = awsError("InvalidParameterException", () -> newPool(b -> b.schema(number("score", "low",
                "3"))));
        assertThat(message(notANumber)).isEqualTo(
                "Invalid NumberAttributeConstraints for schema attribute custom:score");
    }

    @Test
    void aStandardStringLongerThan2048IsRefused() {
        var e = awsError("InvalidParameterException", () -> newPool(b -> b.schema(SchemaAttributeType.builder()
                .name("nickname").attributeDataType(AttributeDataType.STRING)
                .stringAttributeConstraints(s -> s.maxLength("5000")).build())));

        assertThat(message(e)).isEqualTo("user.nickname: String attributes cannot have a length of more than 2048");
    }

    // --- app clients ---------------------------------------------------------------------------------------

    @Test
    void aClientMayNotWriteSub() {
        // Unconfirmed: sub is immutable; AWS's text for an attribute a client may not write (aws/aws-cdk#2608).
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> newClient(poolId, b -> b
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH).writeAttributes("email", "sub")));

        assertThat(message(e)).isEqualTo("Invalid write attributes specified while creating a client");
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(10)).userPoolClients()).isEmpty();
    }

    private static SchemaAttributeType string(String name, String min, String max) {
        return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING)
                .stringAttributeConstraints(s -> s.minLength(min).maxLength(max)).build();
    }

    private static SchemaAttributeType number(String name, String min, String max) {
        return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.NUMBER)
                .numberAttributeConstraints(n -> n.minValue(min).maxValue(max)).build();
    }

}
