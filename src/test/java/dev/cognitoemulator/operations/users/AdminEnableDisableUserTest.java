package dev.cognitoemulator.operations.users;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoemulator.CognitoTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** AdminDisableUser and AdminEnableUser: Enabled flips; a disabled user stays readable, listable and editable. */
class AdminEnableDisableUserTest extends CognitoTestSupport {

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("enable").aliasAttributes(AliasAttributeType.EMAIL);
    }

    /** A user whose verified email, {@code <username>@example.com}, is an alias. */
    private void create(String poolId, String username) {
        newUser(poolId, username, attr("email", username + "@example.com"), attr("email_verified", "true"));
    }

    private void disable(String poolId, String username) {
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username(username));
    }

    private void enable(String poolId, String username) {
        cognito.adminEnableUser(b -> b.userPoolId(poolId).username(username));
    }

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    @Test
    void disableThenEnableFlipsEnabled() {
        String poolId = newPool();
        create(poolId, "alice");

        disable(poolId, "alice");
        assertThat(get(poolId, "alice").enabled()).isFalse();

        enable(poolId, "alice");
        assertThat(get(poolId, "alice").enabled()).isTrue();
    }

    @Test
    void disablingKeepsStatusAttributesAndAliases() {
        String poolId = newPool();
        create(poolId, "bob");
        AdminGetUserResponse before = get(poolId, "bob");

        disable(poolId, "bob");

        AdminGetUserResponse after = get(poolId, "bob@example.com");
        assertThat(after.username()).isEqualTo("bob");
        assertThat(after.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(asMap(after.userAttributes())).isEqualTo(asMap(before.userAttributes()));
        assertThat(after.userCreateDate()).isEqualTo(before.userCreateDate());
    }

    @Test
    void disablingOrEnablingTwiceIsFine() {
        String poolId = newPool();
        create(poolId, "carol");

        disable(poolId, "carol");
        disable(poolId, "carol");
        assertThat(get(poolId, "carol").enabled()).isFalse();

        enable(poolId, "carol");
        enable(poolId, "carol");
        assertThat(get(poolId, "carol").enabled()).isTrue();
    }

    @Test
    void disabledUserIsListedAsDisabled() {
        String poolId = newPool();
        create(poolId, "dave");
        create(poolId, "erin");
        disable(poolId, "dave");

        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users())
                .extracting(UserType::username, UserType::enabled)
                .containsExactlyInAnyOrder(tuple("dave", false),
                        tuple("erin", true));
    }

    @Test
    void disabledUserCanStillBeUpdated() {
        String poolId = newPool();
        create(poolId, "fay");
        disable(poolId, "fay");

        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("fay")
                .userAttributes(attr("given_name", "Fay")));

        assertThat(asMap(get(poolId, "fay").userAttributes())).containsEntry("given_name", "Fay");
        assertThat(get(poolId, "fay").enabled()).isFalse();
    }

    @Test
    void usersAreFoundBySubAndAlias() {
        String poolId = newPool();
        create(poolId, "gus");
        String sub = asMap(get(poolId, "gus").userAttributes()).get("sub");

        disable(poolId, sub);
        assertThat(get(poolId, "gus").enabled()).isFalse();
        enable(poolId, "gus@example.com");
        assertThat(get(poolId, "gus").enabled()).isTrue();
    }

    @Test
    void otherUsersAreUntouched() {
        String poolId = newPool();
        create(poolId, "hal");
        create(poolId, "ian");

        disable(poolId, "hal");

        assertThat(get(poolId, "ian").enabled()).isTrue();
    }

    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();

        // Captured: aws/aws-sdk-js#1357.
        assertThat(message(awsError("UserNotFoundException", () -> disable(poolId, "nobody"))))
                .isEqualTo("User does not exist.");
        assertThat(message(awsError("UserNotFoundException", () -> enable(poolId, "nobody"))))
                .isEqualTo("User does not exist.");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        assertThat(message(awsError("ResourceNotFoundException", () -> disable(NO_POOL, "anyone"))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> enable(NO_POOL, "anyone"))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
