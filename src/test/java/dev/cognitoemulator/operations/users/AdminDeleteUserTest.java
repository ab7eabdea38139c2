package dev.cognitoemulator.operations.users;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** AdminDeleteUser: the user, its sub and its aliases are gone; its username can be used again. */
class AdminDeleteUserTest extends CognitoTestSupport {

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("delete").aliasAttributes(AliasAttributeType.EMAIL, AliasAttributeType.PREFERRED_USERNAME);
    }

    private void delete(String poolId, String username) {
        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username(username));
    }

    private int count(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().estimatedNumberOfUsers();
    }

    @Test
    void deletedUserIsGone() {
        String poolId = newPool();
        String sub = asMap(newUser(poolId, "alice").attributes()).get("sub");
        newUser(poolId, "bob");

        delete(poolId, "alice");

        var e = awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")));
        assertThat(message(e)).isEqualTo("User does not exist.");
        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username(sub)));
        assertThat(count(poolId)).isEqualTo(1);
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).extracting(UserType::username)
                .containsExactly("bob");
    }

    @Test
    void deletingTwiceIsUserNotFound() {
        String poolId = newPool();
        newUser(poolId, "carol");
        delete(poolId, "carol");

        var e = awsError("UserNotFoundException", () -> delete(poolId, "carol"));

        assertThat(message(e)).isEqualTo("User does not exist.");
    }

    @Test
    void usernameCanBeUsedAgainByANewUser() {
        String poolId = newPool();
        String oldSub = asMap(newUser(poolId, "dave").attributes()).get("sub");
        delete(poolId, "dave");

        String newSub = asMap(newUser(poolId, "dave").attributes()).get("sub");

        assertThat(newSub).isNotEqualTo(oldSub);
    }

    @Test
    void aliasesAreFreedForOtherUsers() {
        String poolId = newPool();
        newUser(poolId, "erin", attr("email", "erin@example.com"), attr("email_verified", "true"),
                attr("preferred_username", "ez"));
        delete(poolId, "erin");

        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId)
                .username("erin@example.com")));
        newUser(poolId, "eve", attr("email", "erin@example.com"), attr("email_verified", "true"),
                attr("preferred_username", "ez"));

        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("erin@example.com")).username())
                .isEqualTo("eve");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("ez")).username()).isEqualTo("eve");
    }

    @Test
    void userCanBeDeletedBySubOrAlias() {
        String poolId = newPool();
        String sub = asMap(newUser(poolId, "fay").attributes()).get("sub");
        newUser(poolId, "gus", attr("email", "gus@example.com"), attr("email_verified", "true"));

        delete(poolId, sub);
        delete(poolId, "gus@example.com");

        assertThat(count(poolId)).isZero();
    }

    @Test
    void disabledUserCanBeDeleted() {
        String poolId = newPool();
        newUser(poolId, "hal");
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("hal"));

        delete(poolId, "hal");

        assertThat(count(poolId)).isZero();
    }

    @Test
    void caseInsensitivePoolDeletesWhateverTheCase() {
        String poolId = newPool(b -> b.poolName("ci").usernameConfiguration(u -> u.caseSensitive(false)));
        newUser(poolId, "Ivy");

        delete(poolId, "IVY");

        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("ivy")));
    }

    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();

        // Captured: aws/aws-sdk-js#1357.
        var e = awsError("UserNotFoundException", () -> delete(poolId, "nobody"));

        assertThat(message(e)).isEqualTo("User does not exist.");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException", () -> delete(NO_POOL, "anyone"));

        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
