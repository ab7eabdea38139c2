package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** AddCustomAttributes: appends custom:<name> (dev:custom:<name>) attributes; unique names, at most 50. */
class AddCustomAttributesTest extends CognitoTestSupport {

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("custom");
    }

    private UserPoolType describe(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
    }

    private List<String> names(String poolId) {
        return describe(poolId).schemaAttributes().stream().map(SchemaAttributeType::name).toList();
    }

    private static SchemaAttributeType string(String name) {
        return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING).build();
    }

    private static SchemaAttributeType[] strings(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> string(prefix + i)).toArray(SchemaAttributeType[]::new);
    }

    @Test
    void appendsAfterTheExistingSchema() {
        String poolId = newPool();
        List<String> before = names(poolId);

        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(string("tier"),
                SchemaAttributeType.builder().name("score").attributeDataType(AttributeDataType.NUMBER)
                        .numberAttributeConstraints(c -> c.minValue("1").maxValue("10")).mutable(false).build()));
        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(string("plan")));

        List<String> after = names(poolId);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.subList(before.size(), after.size()))
                .containsExactly("custom:tier", "custom:score", "custom:plan");
        SchemaAttributeType score = describe(poolId).schemaAttributes().stream()
                .filter(a -> a.name().equals("custom:score")).findFirst().orElseThrow();
        assertThat(score.attributeDataType()).isEqualTo(AttributeDataType.NUMBER);
        assertThat(score.numberAttributeConstraints().minValue()).isEqualTo("1");
        assertThat(score.numberAttributeConstraints().maxValue()).isEqualTo("10");
        assertThat(score.mutable()).isFalse();
        assertThat(score.required()).isFalse();
    }

    @Test
    void developerOnlyAttributeIsDevCustom() {
        String poolId = newPool();

        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(SchemaAttributeType.builder()
                .name("secret").attributeDataType(AttributeDataType.STRING).developerOnlyAttribute(true).build()));

        assertThat(names(poolId)).contains("dev:custom:secret").doesNotContain("custom:secret");
    }

    @Test
    void addedAttributeCanBeSetOnUsersAtOnce() {
        String poolId = newPool();
        newUser(poolId, "u");

        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(string("tier")));
        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("u")
                .userAttributes(AttributeType.builder().name("custom:tier").value("gold").build()));

        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("u")).userAttributes())
                .contains(AttributeType.builder().name("custom:tier").value("gold").build());
    }

    @Test
    void givenNameIsAlwaysPrefixedEvenWhenItLooksPrefixedOrStandard() {
        String poolId = newPool();

        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(string("custom:plan"),
                string("email")));

        // The API reference: a Name of MyAttribute becomes custom:MyAttribute; a Name already written
        // custom:x becomes custom:custom:x (captured*: jmaleonard/serverless-cognito-add-custom-attributes#3;
        // the same through CloudFormation in awsdocs/aws-cloudformation-user-guide#932).
        assertThat(names(poolId)).contains("custom:custom:plan", "custom:email");
        assertThat(names(poolId).stream().filter("email"::equals)).hasSize(1);
    }

    @Test
    void existingNameIsRefused() {
        String poolId = newPool();
        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(string("tier")));
        List<String> before = names(poolId);

        // Captured*: jmaleonard/serverless-cognito-add-custom-attributes#3 quotes AWS's answer as
        // "custom:custom:name: Existing attribute already has name custom:custom:name." after the plugin's class name.
        var e = awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(string("plan"), string("tier"))));

        assertThat(message(e)).isEqualTo("custom:tier: Existing attribute already has name custom:tier.");
        assertThat(names(poolId)).as("all or nothing: plan is not added either").isEqualTo(before);
    }

    @Test
    void sameNameTwiceInOneRequestIsRefused() {
        String poolId = newPool();
        List<String> before = names(poolId);

        // Unconfirmed text; the code is InvalidParameterException.
        awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(string("dup"), string("dup"))));

        assertThat(names(poolId)).isEqualTo(before);
    }

    @Test
    void fiftyCustomAttributesAreTheLimit() {
        String poolId = newPool();
        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(strings("a", 25)));
        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(strings("b", 25)));
        List<String> fifty = names(poolId);
        assertThat(fifty.stream().filter(n -> n.startsWith("custom:"))).hasSize(50);

        // Unconfirmed text (Cognito's quota: 50 custom attributes per pool); the code is InvalidParameterException.
        awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(string("c0"))));

        assertThat(names(poolId)).isEqualTo(fifty);
    }

    @Test
    void requestCrossingTheLimitAddsNothing() {
        String poolId = newPool(b -> b.poolName("near-limit").schema(strings("a", 40)));
        List<String> before = names(poolId);

        awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(strings("b", 11))));

        assertThat(names(poolId)).isEqualTo(before);
        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(strings("b", 10)));
        assertThat(names(poolId).stream().filter(n -> n.startsWith("custom:"))).hasSize(50);
    }

    @Test
    void requiredCustomAttributeIsRefused() {
        String poolId = newPool();

        // Captured for CreateUserPool: trek10inc/serverless-cognito-manager#4.
        var e = awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(SchemaAttributeType.builder().name("must").attributeDataType(AttributeDataType.STRING)
                        .required(true).build())));

        assertThat(message(e)).isEqualTo("Required custom attributes are not supported currently.");
    }

    @Test
    void moreThanTwentyFiveInOneRequestIsAValidationError() {
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> cognito.addCustomAttributes(b -> b.userPoolId(poolId)
                .customAttributes(strings("x", 26))));

        assertThat(message(e)).startsWith("1 validation error detected: ").contains("at 'customAttributes' failed "
                + "to satisfy constraint: Member must have length less than or equal to 25");
    }

    @Test
    void lastModifiedDateMoves() {
        String poolId = newPool();
        UserPoolType before = describe(poolId);

        clock.advance(Duration.ofSeconds(10));
        cognito.addCustomAttributes(b -> b.userPoolId(poolId).customAttributes(string("tier")));

        assertThat(describe(poolId).lastModifiedDate()).isAfterOrEqualTo(before.lastModifiedDate().plusSeconds(10));
        assertThat(describe(poolId).creationDate()).isEqualTo(before.creationDate());
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException", () -> cognito.addCustomAttributes(b -> b
                .userPoolId("us-east-1_Nope12345").customAttributes(string("tier"))));

        assertThat(message(e)).isEqualTo("User pool us-east-1_Nope12345 does not exist.");
    }
}
