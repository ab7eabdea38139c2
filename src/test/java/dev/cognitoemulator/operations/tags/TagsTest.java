package dev.cognitoemulator.operations.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * TagResource, UntagResource and ListTagsForResource on pool ARNs: the same tags as CreateUserPool's and
 * UpdateUserPool's {@code UserPoolTags} and DescribeUserPool's; at most 50 (documented); ARNs of other resources and
 * of pools that do not exist refused. Unconfirmed: the texts of the refusals.
 */
class TagsTest extends CognitoTestSupport {

    private UserPoolType pool(Map<String, String> tags) {
        String id = newPool(b -> b.userPoolTags(tags));
        return cognito.describeUserPool(b -> b.userPoolId(id)).userPool();
    }

    private Map<String, String> tags(String arn) {
        return cognito.listTagsForResource(b -> b.resourceArn(arn)).tags();
    }

    @Test
    void tagsAddToThoseThePoolWasCreatedWithAndReplaceValues() {
        UserPoolType pool = pool(Map.of("team", "identity", "stage", "dev"));
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());
        assertThat(tags(pool.arn())).isEqualTo(Map.of("team", "identity", "stage", "dev"));
        cognito.tagResource(b -> b.resourceArn(pool.arn()).tags(Map.of("stage", "prod", "owner", "alice")));
        Map<String, String> expected = Map.of("team", "identity", "stage", "prod", "owner", "alice");
        assertThat(tags(pool.arn())).isEqualTo(expected);
        UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool();
        assertThat(described.userPoolTags()).isEqualTo(expected);
        assertThat(described.lastModifiedDate()).isEqualTo(pool.lastModifiedDate());
    }

    @Test
    void untagRemovesTheKeysGivenAndIgnoresOthers() {
        UserPoolType pool = pool(Map.of("team", "identity", "stage", "dev"));
        cognito.untagResource(b -> b.resourceArn(pool.arn()).tagKeys("stage", "nothere"));
        assertThat(tags(pool.arn())).isEqualTo(Map.of("team", "identity"));
        cognito.untagResource(b -> b.resourceArn(pool.arn()).tagKeys("team"));
        assertThat(tags(pool.arn())).isEmpty();
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool.id())).userPool().hasUserPoolTags()).isFalse();
    }

    @Test
    void updateUserPoolKeepsTagsLeftOutAndReplacesTagsGiven() {
        UserPoolType pool = pool(Map.of());
        assertThat(tags(pool.arn())).isEmpty();
        cognito.tagResource(b -> b.resourceArn(pool.arn()).tags(Map.of("team", "identity")));
        cognito.updateUserPool(b -> b.userPoolId(pool.id()));
        assertThat(tags(pool.arn())).isEqualTo(Map.of("team", "identity"));
        cognito.updateUserPool(b -> b.userPoolId(pool.id()).userPoolTags(Map.of("stage", "dev")));
        assertThat(tags(pool.arn())).isEqualTo(Map.of("stage", "dev"));
    }

    @Test
    void aPoolHasAtMostFiftyTags() {
        UserPoolType pool = pool(Map.of("first", "1"));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 49; i++) {
            many.put("key" + i, "v");
        }
        cognito.tagResource(b -> b.resourceArn(pool.arn()).tags(many));
        assertThat(tags(pool.arn())).hasSize(50);
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.tagResource(b -> b.resourceArn(pool.arn()).tags(Map.of("one", "more"))))))
                .isEqualTo("A user pool can have at most 50 tags; this request would give it 51.");
        cognito.tagResource(b -> b.resourceArn(pool.arn()).tags(Map.of("first", "again")));
        assertThat(tags(pool.arn())).hasSize(50).containsEntry("first", "again");
    }

    @Test
    void awsPrefixedKeysAreRefused() {
        UserPoolType pool = pool(Map.of());
        assertThat(message(awsError("InvalidParameterException", () -> cognito.tagResource(
                b -> b.resourceArn(pool.arn()).tags(Map.of("aws:cloudformation:stack-name", "s"))))))
                .isEqualTo("Tag keys may not begin with aws: (aws:cloudformation:stack-name).");
        assertThat(tags(pool.arn())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::000000000000:role/Cognito",
            "arn:aws:cognito-idp:us-east-1:000000000000:identitypool/us-east-1_abc",
            "arn:aws:cognito-identity:us-east-1:000000000000:userpool/us-east-1_abc"})
    void arnsOfOtherResourcesAreInvalid(String arn) {
        String expected = "Invalid ARN " + arn
                + ": only user pools (arn:aws:cognito-idp:<region>:<account>:userpool/<id>) can be tagged.";
        assertThat(message(awsError("InvalidParameterException", () -> tags(arn)))).isEqualTo(expected);
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.tagResource(b -> b.resourceArn(arn).tags(Map.of("k", "v")))))).isEqualTo(expected);
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.untagResource(b -> b.resourceArn(arn).tagKeys("k"))))).isEqualTo(expected);
    }

    @Test
    void anArnNotOfThePoolIsNotFound() {
        UserPoolType pool = pool(Map.of("team", "identity"));
        for (String arn : List.of("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + NO_POOL,
                "arn:aws:cognito-idp:us-east-1:111111111111:userpool/" + pool.id(),
                "arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + pool.id())) {
            String id = arn.substring(arn.lastIndexOf('/') + 1);
            assertThat(message(awsError("ResourceNotFoundException", () -> tags(arn))))
                    .isEqualTo("User pool " + id + " does not exist.");
            assertThat(message(awsError("ResourceNotFoundException",
                    () -> cognito.tagResource(b -> b.resourceArn(arn).tags(Map.of("k", "v"))))))
                    .isEqualTo("User pool " + id + " does not exist.");
            assertThat(message(awsError("ResourceNotFoundException",
                    () -> cognito.untagResource(b -> b.resourceArn(arn).tagKeys("team")))))
                    .isEqualTo("User pool " + id + " does not exist.");
        }
        assertThat(tags(pool.arn())).isEqualTo(Map.of("team", "identity"));
    }

    @Test
    void theModelsConstraintsAreChecked() {
        UserPoolType pool = pool(Map.of());
        assertThat(message(awsError("InvalidParameterException", () -> tags("not-an-arn"))))
                .contains("resourceArn");
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.tagResource(b -> b.resourceArn(pool.arn()).tags(Map.of("k", "v".repeat(257)))))))
                .contains("tags");
        assertThat(tags(pool.arn())).isEmpty();
    }
}
