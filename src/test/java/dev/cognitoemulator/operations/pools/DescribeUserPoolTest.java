package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** DescribeUserPool: the pool as created, its live user count, and the errors for a missing or malformed id. */
class DescribeUserPoolTest extends CognitoTestSupport {

    private String newPool(String name) {
        return newPool(b -> b.poolName(name));
    }

    private UserPoolType describe(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
    }

    @Test
    void describesThePoolWithItsIdNameArnAndDates() {
        String poolId = newPool("described");

        UserPoolType pool = describe(poolId);

        assertThat(pool.id()).isEqualTo(poolId);
        assertThat(pool.name()).isEqualTo("described");
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + poolId);
        assertThat(pool.creationDate()).isNotNull();
        assertThat(pool.lastModifiedDate()).isEqualTo(pool.creationDate());
    }

    @Test
    void estimatedNumberOfUsersCountsTheUsers() {
        String poolId = newPool("counted");
        assertThat(describe(poolId).estimatedNumberOfUsers()).isZero();

        for (String username : List.of("ann", "ben", "cid")) {
            newUser(poolId, username);
        }
        assertThat(describe(poolId).estimatedNumberOfUsers()).isEqualTo(3);

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("ben"));
        assertThat(describe(poolId).estimatedNumberOfUsers()).isEqualTo(2);
    }

    @Test
    void usersOfAnotherPoolAreNotCounted() {
        String counted = newPool("mine");
        String other = newPool("theirs");
        newUser(other, "someone");

        assertThat(describe(counted).estimatedNumberOfUsers()).isZero();
        assertThat(describe(other).estimatedNumberOfUsers()).isEqualTo(1);
    }

    @Test
    void schemaShowsCustomAttributesWithTheirPrefixes() {
        String poolId = newPool(b -> b.poolName("custom").schema(
                SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING).build(),
                SchemaAttributeType.builder().name("secret").attributeDataType(AttributeDataType.NUMBER)
                        .developerOnlyAttribute(true).build()));

        List<String> names = describe(poolId).schemaAttributes().stream().map(SchemaAttributeType::name).toList();

        assertThat(names).contains("custom:tier", "dev:custom:secret").doesNotContain("tier", "secret");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException", () -> describe("us-east-1_Nope12345"));

        assertThat(message(e)).isEqualTo("User pool us-east-1_Nope12345 does not exist.");
    }

    @Test
    void deletedPoolIsResourceNotFound() {
        String poolId = newPool("gone");
        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        var e = awsError("ResourceNotFoundException", () -> describe(poolId));

        assertThat(message(e)).isEqualTo("User pool " + poolId + " does not exist.");
    }

    @Test
    void malformedPoolIdIsAValidationError() {
        // Captured: aws/aws-sdk-js#3344 (ListGroups, a pool id with a leading space); every UserPoolId member
        // has this shape. (anomalyco/guide#127 shows 'YOUR_USER_POOL_ID', which matches the pattern: the
        // reporter replaced the real value when posting.)
        var e = awsError("InvalidParameterException", () -> describe(" us-east-1_Nope12345"));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value ' us-east-1_Nope12345' at "
                + "'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\w-]+_[0-9a-zA-Z]+");
    }
}
