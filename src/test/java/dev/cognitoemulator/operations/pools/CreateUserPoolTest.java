package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cognitoemulator.CognitoTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** CreateUserPool: ids, ARN, the standard schema, AWS's defaults and the settings AWS refuses. */
class CreateUserPoolTest extends CognitoTestSupport {

    private static final String POOL_ID = "us-east-1_[0-9a-zA-Z]{9}";

    private UserPoolType create(String name) {
        return cognito.createUserPool(b -> b.poolName(name)).userPool();
    }

    private static Map<String, SchemaAttributeType> byName(UserPoolType pool) {
        return pool.schemaAttributes().stream()
                .collect(Collectors.toMap(SchemaAttributeType::name, Function.identity()));
    }

    @Test
    void poolIdIsTheRegionAnUnderscoreAndNineAlphanumerics() {
        UserPoolType pool = create("ids");

        assertThat(pool.id()).matches(POOL_ID);
        assertThat(pool.name()).isEqualTo("ids");
        assertThat(create("ids").id()).as("a second pool of the same name is another pool")
                .matches(POOL_ID).isNotEqualTo(pool.id());
    }

    @Test
    void arnNamesTheRegionTheAccountAndThePool() {
        UserPoolType pool = create("arn");

        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());
    }

    @Test
    void clientSignedForEuWest1CreatesEuWest1Pools() {
        try (CognitoIdentityProviderClient eu = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            UserPoolType pool = eu.createUserPool(b -> b.poolName("europe")).userPool();

            assertThat(pool.id()).matches("eu-west-1_[0-9a-zA-Z]{9}");
            assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + pool.id());
            assertThat(eu.describeUserPool(b -> b.userPoolId(pool.id())).userPool().id()).isEqualTo(pool.id());
        }
    }

    @Test
    void responseIsThePoolAsDescribeUserPoolReturnsIt() {
        UserPoolType created = cognito.createUserPool(b -> b.poolName("same")
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING)
                        .build())).userPool();

        UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(created.id())).userPool();

        assertThat(described).isEqualTo(created);
    }

    @Test
    void newPoolHasTheStandardSchemaAsDescribeUserPoolReturnsIt() {
        UserPoolType pool = create("schema");
        Map<String, SchemaAttributeType> schema = byName(pool);

        assertThat(schema.keySet()).containsAll(List.of("sub", "name", "given_name", "family_name", "middle_name",
                "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified",
                "gender", "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address",
                "updated_at"));
        assertThat(pool.schemaAttributes().get(0).name()).isEqualTo("sub");

        SchemaAttributeType sub = schema.get("sub");
        assertThat(sub.attributeDataType()).isEqualTo(AttributeDataType.STRING);
        assertThat(sub.mutable()).isFalse();
        assertThat(sub.required()).isTrue();
        assertThat(sub.developerOnlyAttribute()).isFalse();
        assertThat(sub.stringAttributeConstraints().minLength()).isEqualTo("1");
        assertThat(sub.stringAttributeConstraints().maxLength()).isEqualTo("2048");

        for (String flag : List.of("email_verified", "phone_number_verified")) {
            assertThat(schema.get(flag).attributeDataType()).as(flag).isEqualTo(AttributeDataType.BOOLEAN);
            assertThat(schema.get(flag).mutable()).as(flag).isTrue();
            assertThat(schema.get(flag).stringAttributeConstraints()).as(flag).isNull();
        }

        SchemaAttributeType updatedAt = schema.get("updated_at");
        assertThat(updatedAt.attributeDataType()).isEqualTo(AttributeDataType.NUMBER);
        assertThat(updatedAt.numberAttributeConstraints().minValue()).isEqualTo("0");

        SchemaAttributeType birthdate = schema.get("birthdate");
        assertThat(birthdate.attributeDataType()).isEqualTo(AttributeDataType.STRING);
        assertThat(birthdate.stringAttributeConstraints().minLength()).isEqualTo("10");
        assertThat(birthdate.stringAttributeConstraints().maxLength()).isEqualTo("10");

        for (String name : List.of("name", "email", "phone_number", "preferred_username", "address")) {
            SchemaAttributeType a = schema.get(name);
            assertThat(a.attributeDataType()).as(name).isEqualTo(AttributeDataType.STRING);
            assertThat(a.mutable()).as(name).isTrue();
            assertThat(a.required()).as(name).isFalse();
            assertThat(a.stringAttributeConstraints().minLength()).as(name).isEqualTo("0");
            assertThat(a.stringAttributeConstraints().maxLength()).as(name).isEqualTo("2048");
        }
    }

    @Test
    void customAttributesAreNamedCustomAndDeveloperOnlyOnesDevCustom() {
        UserPoolType pool = cognito.createUserPool(b -> b.poolName("custom").schema(
                SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING)
                        .stringAttributeConstraints(c -> c.minLength("1").maxLength("16")).build(),
                SchemaAttributeType.builder().name("level").attributeDataType(AttributeDataType.NUMBER)
                        .numberAttributeConstraints(c -> c.minValue("0").maxValue("99")).mutable(false).build(),
                SchemaAttributeType.builder().name("secret").attributeDataType(AttributeDataType.STRING)
                        .developerOnlyAttribute(true).build(),
                SchemaAttributeType.builder().name("born").attributeDataType(AttributeDataType.DATE_TIME).build(),
                SchemaAttributeType.builder().name("vip").attributeDataType(AttributeDataType.BOOLEAN).build()))
                .userPool();
        Map<String, SchemaAttributeType> schema = byName(pool);

        assertThat(schema).containsKeys("custom:tier", "custom:level", "dev:custom:secret", "custom:born",
                "custom:vip");
        assertThat(schema).doesNotContainKeys("tier", "custom:secret", "secret");
        assertThat(schema.get("custom:tier").stringAttributeConstraints().maxLength()).isEqualTo("16");
        assertThat(schema.get("custom:tier").required()).isFalse();
        assertThat(schema.get("custom:level").attributeDataType()).isEqualTo(AttributeDataType.NUMBER);
        assertThat(schema.get("custom:level").numberAttributeConstraints().maxValue()).isEqualTo("99");
        assertThat(schema.get("custom:level").mutable()).isFalse();
        assertThat(schema.get("dev:custom:secret").developerOnlyAttribute()).isTrue();
        assertThat(schema.get("custom:born").attributeDataType()).isEqualTo(AttributeDataType.DATE_TIME);
        assertThat(schema.get("custom:vip").attributeDataType()).isEqualTo(AttributeDataType.BOOLEAN);
    }

    @Test
    void standardAttributeCanBeMadeRequiredAtCreation() {
        UserPoolType pool = cognito.createUserPool(b -> b.poolName("required")
                .schema(SchemaAttributeType.builder().name("email").attributeDataType(AttributeDataType.STRING)
                        .required(true).mutable(true).build())).userPool();

        SchemaAttributeType email = byName(pool).get("email");
        assertThat(email.required()).isTrue();
        assertThat(email.attributeDataType()).isEqualTo(AttributeDataType.STRING);
        assertThat(byName(pool).get("name").required()).isFalse();
    }

    @Test
    void defaultsAreAwsDefaults() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UserPoolType pool = create("defaults");

        PasswordPolicyType policy = pool.policies().passwordPolicy();
        assertThat(policy.minimumLength()).isEqualTo(8);
        assertThat(policy.requireUppercase()).isTrue();
        assertThat(policy.requireLowercase()).isTrue();
        assertThat(policy.requireNumbers()).isTrue();
        assertThat(policy.requireSymbols()).isTrue();
        assertThat(policy.temporaryPasswordValidityDays()).isEqualTo(7);
        assertThat(pool.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.INACTIVE);
        assertThat(pool.estimatedNumberOfUsers()).isZero();
        assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly()).isFalse();
        assertThat(pool.creationDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(pool.lastModifiedDate()).isEqualTo(pool.creationDate());
        assertThat(pool.aliasAttributes()).isEmpty();
        assertThat(pool.usernameAttributes()).isEmpty();
    }

    @Test
    void givenSettingsAreKept() {
        UserPoolType pool = cognito.createUserPool(b -> b.poolName("settings")
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12).requireUppercase(true)
                        .requireLowercase(false).requireNumbers(true).requireSymbols(false)
                        .temporaryPasswordValidityDays(3)))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .usernameConfiguration(u -> u.caseSensitive(false))
                .deletionProtection(DeletionProtectionType.ACTIVE)
                .mfaConfiguration(UserPoolMfaType.OFF)
                .userPoolTags(Map.of("team", "identity", "env", "test"))).userPool();

        PasswordPolicyType policy = pool.policies().passwordPolicy();
        assertThat(policy.minimumLength()).isEqualTo(12);
        assertThat(policy.requireLowercase()).isFalse();
        assertThat(policy.requireSymbols()).isFalse();
        assertThat(policy.temporaryPasswordValidityDays()).isEqualTo(3);
        assertThat(pool.autoVerifiedAttributes()).containsExactly(VerifiedAttributeType.EMAIL);
        assertThat(pool.usernameAttributes()).containsExactly(UsernameAttributeType.EMAIL);
        assertThat(pool.usernameConfiguration().caseSensitive()).isFalse();
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.ACTIVE);
        assertThat(pool.userPoolTags()).isEqualTo(Map.of("team", "identity", "env", "test"));

        // Let the class's other tests' pools be deletable: this one is protected.
        cognito.updateUserPool(b -> b.userPoolId(pool.id()).deletionProtection(DeletionProtectionType.INACTIVE));
    }

    @Test
    void usernameAttributesAndAliasAttributesTogetherAreRefused() {
        // Unconfirmed text: emulators quote three variants (cognito-errors.md section 6); the code is certain.
        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("both")
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .aliasAttributes(AliasAttributeType.PREFERRED_USERNAME)));

        assertThat(message(e)).containsIgnoringCase("aliasAttributes or usernameAttributes");
    }

    @Test
    void requiredCustomAttributeIsRefusedWithCognitosText() {
        // Captured: trek10inc/serverless-cognito-manager#4.
        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("req")
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING)
                        .required(true).build())));

        assertThat(message(e)).isEqualTo("Required custom attributes are not supported currently.");
    }

    @Test
    void changingTheTypeOfAStandardAttributeIsRefused() {
        // Unconfirmed text; the code is InvalidParameterException, naming the attribute.
        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("type")
                .schema(SchemaAttributeType.builder().name("email").attributeDataType(AttributeDataType.NUMBER)
                        .build())));

        assertThat(message(e)).contains("email");
    }

    @Test
    void subCannotBeMadeMutableOrOptional() {
        // Unconfirmed text.
        awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("sub")
                .schema(SchemaAttributeType.builder().name("sub").attributeDataType(AttributeDataType.STRING)
                        .mutable(true).build())));
        awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("sub")
                .schema(SchemaAttributeType.builder().name("sub").attributeDataType(AttributeDataType.STRING)
                        .required(false).build())));
    }

    @Test
    void tooLongSchemaNameIsAValidationError() {
        // Captured: aws/aws-cdk#14175 (the standard flag written as a custom attribute name).
        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("long")
                .schema(SchemaAttributeType.builder().name("phone_number_verified")
                        .attributeDataType(AttributeDataType.STRING).build())));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value 'phone_number_verified' at "
                + "'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal "
                + "to 20");
    }

    @Test
    @Disabled("BUG: enum constraint lists the model's order [OFF, ON, OPTIONAL]; AWS lists [OPTIONAL, OFF, ON] "
            + "(captured, rosberglinhares/CloudFormationCognitoCustomResources#1); the same bug as "
            + "InputValidatorTest.listsTheMfaConfigurationEnumInAwsOrder, seen here end to end through the SDK")
    void unknownMfaConfigurationIsAValidationErrorListingTheEnum() {
        // Captured: rosberglinhares/CloudFormationCognitoCustomResources#1.
        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("mfa")
                .mfaConfiguration("false")));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value 'false' at 'mfaConfiguration' failed "
                + "to satisfy constraint: Member must satisfy enum value set: [OPTIONAL, OFF, ON]");
    }

    @Test
    void creationTimesAreCloseToNow() {
        UserPoolType pool = create("time");

        assertThat(pool.creationDate().toEpochMilli()).isCloseTo(System.currentTimeMillis(), within(5_000L));
    }
}
