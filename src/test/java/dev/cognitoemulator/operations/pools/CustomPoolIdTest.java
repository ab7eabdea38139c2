package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** CreateUserPool's {@code _custom_id_} tag picks the pool's id, as LocalStack's does (its texts unconfirmed). */
class CustomPoolIdTest extends CognitoTestSupport {

    @Test
    void theTagPicksTheIdAndIsNotKeptAmongTheTags() {
        UserPoolType pool = cognito.createUserPool(b -> b.poolName("p")
                .userPoolTags(Map.of("_custom_id_", "us-east-1_Custom001", "team", "a"))).userPool();

        assertThat(pool.id()).isEqualTo("us-east-1_Custom001");
        assertThat(pool.arn()).endsWith(":userpool/us-east-1_Custom001");
        UserPoolType described = cognito.describeUserPool(b -> b.userPoolId("us-east-1_Custom001")).userPool();
        assertThat(described.userPoolTags()).containsExactly(Map.entry("team", "a"));
    }

    @Test
    void aTakenIdIsRefusedAndMakesNoPool() {
        cognito.createUserPool(b -> b.poolName("first").userPoolTags(Map.of("_custom_id_", "us-east-1_Taken0001")));

        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("second")
                .userPoolTags(Map.of("_custom_id_", "us-east-1_Taken0001"))));

        assertThat(message(e)).isEqualTo("A user pool with the id us-east-1_Taken0001 already exists (_custom_id_).");
        assertThat(cognito.describeUserPool(b -> b.userPoolId("us-east-1_Taken0001")).userPool().name())
                .isEqualTo("first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1_", "eu-west-1_Abc", "us-east-1_with-dash", "nounderscore", "us-east-1_é",
            "us-east-1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aMalformedIdOrOneOfAnotherRegionIsRefused(String id) {
        int before = cognito.listUserPools(b -> b.maxResults(60)).userPools().size();

        var e = awsError("InvalidParameterException", () -> cognito.createUserPool(b -> b.poolName("p")
                .userPoolTags(Map.of("_custom_id_", id))));

        assertThat(message(e)).isEqualTo("The _custom_id_ tag must be a user pool id of the region us-east-1: "
                + "us-east-1_ and letters or digits, at most 55 characters in all.");
        assertThat(cognito.listUserPools(b -> b.maxResults(60)).userPools()).hasSize(before);
    }
}
