package dev.cognitoemulator.operations.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitClass;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitDefinitionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitType;

/**
 * GetProvisionedLimit and UpdateProvisionedLimit against the SDK, and the resource quotas of pools (app clients,
 * a user's groups), which apply whether or not request rates are enforced.
 */
class ProvisionedLimitsTest extends CognitoTestSupport {

    private static LimitDefinitionType category(String name) {
        return LimitDefinitionType.builder().limitClass(LimitClass.API_CATEGORY).attributes(Map.of("Category", name))
                .build();
    }

    private LimitType get(String name) {
        return cognito.getProvisionedLimit(b -> b.limitDefinition(category(name))).limit();
    }

    @Test
    void aCategoryHasItsDefaultRateUntilProvisioned() {
        LimitType limit = get("UserCreation");
        assertThat(limit.limitDefinition()).isEqualTo(category("UserCreation"));
        assertThat(limit.freeLimitValue()).isEqualTo(50);
        assertThat(limit.provisionedLimitValue()).isEqualTo(50);
        assertThat(get("UserPoolRead").freeLimitValue()).isEqualTo(15);
        assertThat(get("UserAuthentication").freeLimitValue()).isEqualTo(120);
    }

    @Test
    void anAdjustableCategoryIsRaisedWithinItsBounds() {
        LimitType raised = cognito.updateProvisionedLimit(b -> b.limitDefinition(category("UserRead"))
                .requestedLimitValue(200)).limit();
        assertThat(raised.provisionedLimitValue()).isEqualTo(200);
        assertThat(raised.freeLimitValue()).isEqualTo(120);
        assertThat(get("UserRead").provisionedLimitValue()).isEqualTo(200);

        var below = awsError("InvalidParameterException", () -> cognito.updateProvisionedLimit(b -> b
                .limitDefinition(category("UserRead")).requestedLimitValue(100)));
        assertThat(message(below)).isEqualTo("The requested limit 100 is below the default limit 120 of UserRead.");
        var above = awsError("ServiceQuotaExceededException", () -> cognito.updateProvisionedLimit(b -> b
                .limitDefinition(category("UserRead")).requestedLimitValue(1201)));
        assertThat(message(above)).isEqualTo("The requested limit 1201 is above the maximum limit 1200 of UserRead.");
        var fixed = awsError("ServiceQuotaExceededException", () -> cognito.updateProvisionedLimit(b -> b
                .limitDefinition(category("UserList")).requestedLimitValue(31)));
        assertThat(message(fixed)).isEqualTo("The requested limit 31 is above the maximum limit 30 of UserList.");
        assertThat(get("UserRead").provisionedLimitValue()).isEqualTo(200);
        assertThat(get("UserList").provisionedLimitValue()).isEqualTo(30);
    }

    @Test
    void theDefinitionMustNameAKnownCategory() {
        var unknown = awsError("InvalidParameterException", () -> get("UserTeleportation"));
        assertThat(message(unknown)).isEqualTo("Unknown API category UserTeleportation.");
        var none = awsError("InvalidParameterException", () -> cognito.getProvisionedLimit(b -> b.limitDefinition(
                LimitDefinitionType.builder().limitClass(LimitClass.API_CATEGORY).attributes(Map.of("Other", "x"))
                        .build())));
        assertThat(message(none)).isEqualTo("The limit definition must have a Category attribute.");
        awsError("InvalidParameterException", () -> cognito.updateProvisionedLimit(b -> b
                .limitDefinition(category("Nope")).requestedLimitValue(10)));
    }

    @Test
    void aPoolHasAtMostAThousandAppClients() {
        String poolId = newPool();
        for (int i = 0; i < 1000; i++) {
            cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("c"));
        }
        var e = awsError("LimitExceededException", () -> cognito.createUserPoolClient(b -> b.userPoolId(poolId)
                .clientName("one-too-many")));
        assertThat(message(e)).isEqualTo("A user pool can have at most 1000 app clients.");
    }

    @Test
    void aUserBelongsToAtMostAHundredGroups() {
        String poolId = newPool();
        confirmedUser(poolId, "joe");
        for (int i = 0; i < 101; i++) {
            String name = "g" + i;
            cognito.createGroup(b -> b.userPoolId(poolId).groupName(name));
        }
        for (int i = 0; i < 100; i++) {
            String name = "g" + i;
            cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("joe").groupName(name));
        }
        var e = awsError("InvalidParameterException", () -> cognito.adminAddUserToGroup(b -> b.userPoolId(poolId)
                .username("joe").groupName("g100")));
        assertThat(message(e)).isEqualTo("A user can be a member of at most 100 groups.");
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("joe").groupName("g0"));
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("joe").limit(60)).groups())
                .hasSize(60);
    }
}
