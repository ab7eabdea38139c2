package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;

/** DeleteUserPool: the pool and its users go; DeletionProtection ACTIVE refuses until it is made INACTIVE. */
class DeleteUserPoolTest extends CognitoTestSupport {

    // Captured: localstack/localstack#11947 (AWS CLI against AWS).
    private static final String PROTECTED = "The user pool cannot be deleted because deletion protection is "
            + "activated. Deletion protection must be inactivated first.";

    private String newPool(DeletionProtectionType protection) {
        return newPool(b -> b.poolName("deletable").deletionProtection(protection));
    }

    @Test
    void deletedPoolIsGone() {
        String poolId = newPool(DeletionProtectionType.INACTIVE);

        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        var e = awsError("ResourceNotFoundException", () -> cognito.describeUserPool(b -> b.userPoolId(poolId)));
        assertThat(message(e)).isEqualTo("User pool " + poolId + " does not exist.");
    }

    @Test
    void usersGoWithThePool() {
        String poolId = newPool(DeletionProtectionType.INACTIVE);
        newUser(poolId, "u1");

        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        var e = awsError("ResourceNotFoundException",
                () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("u1")));
        assertThat(message(e)).isEqualTo("User pool " + poolId + " does not exist.");
    }

    @Test
    void deletingTwiceIsResourceNotFound() {
        String poolId = newPool(DeletionProtectionType.INACTIVE);
        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        var e = awsError("ResourceNotFoundException", () -> cognito.deleteUserPool(b -> b.userPoolId(poolId)));

        assertThat(message(e)).isEqualTo("User pool " + poolId + " does not exist.");
    }

    @Test
    void deletionProtectionRefusesAndThePoolSurvives() {
        String poolId = newPool(DeletionProtectionType.ACTIVE);
        newUser(poolId, "stays");

        var e = awsError("InvalidParameterException", () -> cognito.deleteUserPool(b -> b.userPoolId(poolId)));

        assertThat(message(e)).isEqualTo(PROTECTED);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().estimatedNumberOfUsers())
                .isEqualTo(1);
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("stays")).username()).isEqualTo("stays");
    }

    @Test
    void deletionSucceedsOnceUpdateUserPoolMakesProtectionInactive() {
        String poolId = newPool(DeletionProtectionType.ACTIVE);
        awsError("InvalidParameterException", () -> cognito.deleteUserPool(b -> b.userPoolId(poolId)));

        cognito.updateUserPool(b -> b.userPoolId(poolId).deletionProtection(DeletionProtectionType.INACTIVE));
        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        awsError("ResourceNotFoundException", () -> cognito.describeUserPool(b -> b.userPoolId(poolId)));
    }

    @Test
    void protectionTurnedOnLaterAlsoRefuses() {
        String poolId = newPool(DeletionProtectionType.INACTIVE);
        cognito.updateUserPool(b -> b.userPoolId(poolId).deletionProtection(DeletionProtectionType.ACTIVE));

        var e = awsError("InvalidParameterException", () -> cognito.deleteUserPool(b -> b.userPoolId(poolId)));

        assertThat(message(e)).isEqualTo(PROTECTED);
        cognito.updateUserPool(b -> b.userPoolId(poolId));
        cognito.deleteUserPool(b -> b.userPoolId(poolId));
    }

    @Test
    void otherPoolsAreUntouched() {
        String kept = newPool(DeletionProtectionType.INACTIVE);
        String deleted = newPool(DeletionProtectionType.INACTIVE);
        newUser(kept, "u");

        cognito.deleteUserPool(b -> b.userPoolId(deleted));

        assertThat(cognito.adminGetUser(b -> b.userPoolId(kept).username("u")).username()).isEqualTo("u");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException",
                () -> cognito.deleteUserPool(b -> b.userPoolId("us-east-1_Nope12345")));

        assertThat(message(e)).isEqualTo("User pool us-east-1_Nope12345 does not exist.");
    }
}
