package dev.cognitoemulator.operations.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ReplicaRoleType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ReplicaStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateReplicaStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolReplicaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * CreateUserPoolReplica, ListUserPoolReplicas, UpdateUserPoolReplica and DeleteUserPoolReplica against the SDK, and
 * the replica served in its region: it reads the primary's pool and users as they change, signs users in while
 * ACTIVE, and leaves every other write to the primary region. The default client signs for us-east-1, the pools'
 * primary region.
 */
class ReplicasTest extends CognitoTestSupport {

    private CognitoIdentityProviderClient ireland;
    private CognitoIdentityProviderClient sydney;

    private CognitoIdentityProviderClient in(Region region) {
        return CognitoIdentityProviderClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test",
                        "test"))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new dev.cognitoemulator.testing.ModelCheck()))
                .build();
    }

    @BeforeAll
    void regions() {
        ireland = in(Region.EU_WEST_1);
        sydney = in(Region.AP_SOUTHEAST_2);
    }

    @AfterAll
    void closeRegions() {
        ireland.close();
        sydney.close();
    }

    private UserPoolReplicaType replicate(String poolId) {
        return cognito.createUserPoolReplica(b -> b.userPoolId(poolId).regionName("eu-west-1")
                .userPoolTags(Map.of("team", "dr"))).userPoolReplica();
    }

    @Test
    void aReplicaStartsInactiveAndBothRegionsListIt() {
        String poolId = newPool();
        UserPoolReplicaType created = replicate(poolId);
        assertThat(created.regionName()).isEqualTo("eu-west-1");
        assertThat(created.status()).isEqualTo(ReplicaStatusType.INACTIVE);
        assertThat(created.role()).isEqualTo(ReplicaRoleType.SECONDARY);
        assertThat(created.userPoolArn()).isEqualTo("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + poolId);

        for (CognitoIdentityProviderClient client : new CognitoIdentityProviderClient[] {cognito, ireland}) {
            var listed = client.listUserPoolReplicas(b -> b.userPoolId(poolId));
            assertThat(listed.nextToken()).isNull();
            assertThat(listed.userPoolReplicas()).extracting(UserPoolReplicaType::regionName,
                    UserPoolReplicaType::role, UserPoolReplicaType::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("us-east-1", ReplicaRoleType.PRIMARY, ReplicaStatusType.ACTIVE),
                    org.assertj.core.groups.Tuple.tuple("eu-west-1", ReplicaRoleType.SECONDARY,
                            ReplicaStatusType.INACTIVE));
        }
        assertThat(cognito.listUserPoolReplicas(b -> b.userPoolId(newPool())).userPoolReplicas())
                .extracting(UserPoolReplicaType::role).containsExactly(ReplicaRoleType.PRIMARY);
    }

    @Test
    void theReplicaRegionReadsThePrimarysUsersAsTheyChange() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "ann");
        replicate(poolId);
        assertThat(ireland.describeUserPool(b -> b.userPoolId(poolId)).userPool().id()).isEqualTo(poolId);
        assertThat(ireland.adminGetUser(b -> b.userPoolId(poolId).username("ann")).username()).isEqualTo("ann");

        confirmedUser(poolId, "ben");
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("ann"));
        assertThat(ireland.adminGetUser(b -> b.userPoolId(poolId).username("ben")).username()).isEqualTo("ben");
        assertThat(ireland.adminGetUser(b -> b.userPoolId(poolId).username("ann")).enabled()).isFalse();
        assertThat(ireland.listUsers(b -> b.userPoolId(poolId)).users()).hasSize(2);

        // End users sign in there only once the replica is ACTIVE (either region may switch it).
        var inactive = awsError("OperationNotEnabledException", () -> ireland.adminInitiateAuth(b -> b
                .userPoolId(poolId).clientId(clientId).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "ben", "PASSWORD", PASSWORD))));
        assertThat(message(inactive)).isEqualTo("The replica of user pool " + poolId
                + " in eu-west-1 is INACTIVE and does not accept requests for end users.");
        UserPoolReplicaType active = ireland.updateUserPoolReplica(b -> b.userPoolId(poolId).regionName("eu-west-1")
                .status(UpdateReplicaStatusType.ACTIVE)).userPoolReplica();
        assertThat(active.status()).isEqualTo(ReplicaStatusType.ACTIVE);
        assertThat(ireland.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "ben", "PASSWORD", PASSWORD))).authenticationResult().idToken())
                .isNotBlank();
    }

    @Test
    void writesBelongToThePrimaryRegion() {
        String poolId = newPool();
        replicate(poolId);
        var create = awsError("OperationNotEnabledException", () -> ireland.adminCreateUser(b -> b.userPoolId(poolId)
                .username("cat")));
        assertThat(message(create)).isEqualTo("AdminCreateUser is not available in the secondary region eu-west-1 "
                + "of user pool " + poolId + "; call it in the primary region us-east-1.");
        awsError("OperationNotEnabledException", () -> ireland.updateUserPool(b -> b.userPoolId(poolId)));
        awsError("OperationNotEnabledException", () -> ireland.createGroup(b -> b.userPoolId(poolId).groupName("g")));
        awsError("OperationNotEnabledException", () -> ireland.deleteUserPoolReplica(b -> b.userPoolId(poolId)
                .regionName("eu-west-1")));
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
    }

    @Test
    void elsewhereThePoolDoesNotExist() {
        String poolId = newPool();
        replicate(poolId);
        var e = awsError("ResourceNotFoundException", () -> sydney.describeUserPool(b -> b.userPoolId(poolId)));
        assertThat(message(e)).isEqualTo("User pool " + poolId + " does not exist.");
        String unreplicated = newPool();
        awsError("ResourceNotFoundException", () -> ireland.describeUserPool(b -> b.userPoolId(unreplicated)));
    }

    @Test
    void createRefusals() {
        String poolId = newPool();
        var primary = awsError("InvalidParameterException", () -> cognito.createUserPoolReplica(b -> b
                .userPoolId(poolId).regionName("us-east-1")));
        assertThat(message(primary)).isEqualTo("A replica cannot be created in us-east-1, the primary region of "
                + "user pool " + poolId + ".");
        var name = awsError("InvalidParameterException", () -> cognito.createUserPoolReplica(b -> b
                .userPoolId(poolId).regionName("mars-1")));
        assertThat(message(name)).isEqualTo("Invalid region name mars-1.");
        replicate(poolId);
        var second = awsError("LimitExceededException", () -> cognito.createUserPoolReplica(b -> b
                .userPoolId(poolId).regionName("ap-southeast-2")));
        assertThat(message(second)).isEqualTo("User pool " + poolId + " already has a replica in eu-west-1.");
        String lite = newPool(b -> b.userPoolTier(UserPoolTierType.LITE));
        var tier = awsError("FeatureUnavailableInTierException", () -> replicate(lite));
        assertThat(message(tier)).isEqualTo("The following features need to be disabled for the LITE pricing tier "
                + "configured: Multi-Region Replication");
        awsError("ResourceNotFoundException", () -> replicate(NO_POOL));
        assertThat(cognito.listUserPoolReplicas(b -> b.userPoolId(lite)).userPoolReplicas()).hasSize(1);
    }

    @Test
    void updateAndDeleteRefusalsThenDeletion() {
        String poolId = newPool();
        replicate(poolId);
        var primary = awsError("InvalidParameterException", () -> cognito.updateUserPoolReplica(b -> b
                .userPoolId(poolId).regionName("us-east-1").status(UpdateReplicaStatusType.INACTIVE)));
        assertThat(message(primary)).isEqualTo("us-east-1 is the primary region of user pool " + poolId + ".");
        var none = awsError("ResourceNotFoundException", () -> cognito.updateUserPoolReplica(b -> b
                .userPoolId(poolId).regionName("ap-southeast-2").status(UpdateReplicaStatusType.ACTIVE)));
        assertThat(message(none)).isEqualTo("User pool " + poolId + " has no replica in ap-southeast-2.");
        cognito.updateUserPoolReplica(b -> b.userPoolId(poolId).regionName("eu-west-1")
                .status(UpdateReplicaStatusType.ACTIVE));
        var active = awsError("InvalidParameterException", () -> cognito.deleteUserPoolReplica(b -> b
                .userPoolId(poolId).regionName("eu-west-1")));
        assertThat(message(active)).isEqualTo("The replica in eu-west-1 must be INACTIVE to be deleted.");

        cognito.updateUserPoolReplica(b -> b.userPoolId(poolId).regionName("eu-west-1")
                .status(UpdateReplicaStatusType.INACTIVE));
        UserPoolReplicaType deleted = cognito.deleteUserPoolReplica(b -> b.userPoolId(poolId)
                .regionName("eu-west-1")).userPoolReplica();
        assertThat(deleted.status()).isEqualTo(ReplicaStatusType.DELETING);
        awsError("ResourceNotFoundException", () -> ireland.describeUserPool(b -> b.userPoolId(poolId)));
        assertThat(cognito.listUserPoolReplicas(b -> b.userPoolId(poolId)).userPoolReplicas()).hasSize(1);
        replicate(poolId);
    }
}
