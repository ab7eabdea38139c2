package dev.cognitoemulator.operations.users;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.UUID;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * AdminGetUser and the one user lookup behind every admin operation: username (with the pool's case rule),
 * sub, verified email/phone aliases, preferred_username, the sign-in attribute of UsernameAttributes pools.
 */
class AdminGetUserTest extends CognitoTestSupport {

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("get");
    }

    private String aliasPool() {
        return newPool(b -> b.poolName("alias").aliasAttributes(AliasAttributeType.EMAIL,
                AliasAttributeType.PHONE_NUMBER, AliasAttributeType.PREFERRED_USERNAME));
    }

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    private static String sub(UserType user) {
        return asMap(user.attributes()).get("sub");
    }

    @Test
    void returnsTheUserWithItsAttributesStatusAndDates() {
        String poolId = newPool();
        UserType created = newUser(poolId, "alice", attr("email", "alice@example.com"), attr("name", "Alice"));

        AdminGetUserResponse user = get(poolId, "alice");

        assertThat(user.username()).isEqualTo("alice");
        Map<String, String> attributes = asMap(user.userAttributes());
        assertThat(attributes.get("sub")).matches(UUID);
        assertThat(attributes).containsEntry("email", "alice@example.com").containsEntry("name", "Alice");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(user.enabled()).isTrue();
        assertThat(user.userCreateDate()).isEqualTo(created.userCreateDate());
        assertThat(user.userLastModifiedDate()).isEqualTo(created.userLastModifiedDate());
    }

    @Test
    void findsTheUserBySub() {
        String poolId = newPool();
        UserType created = newUser(poolId, "bob");

        assertThat(get(poolId, sub(created)).username()).isEqualTo("bob");
    }

    @Test
    void aUsernameEqualToAnotherUsersSubFindsTheUserOfThatUsername() {
        // AWS accepts UUID-shaped usernames (getmoto/moto#4662: "to match what Cognito does in production") and
        // documents the sub only as what Username may be when it names no user; which one a clash finds is not
        // documented (awslabs/aws-api-gateway-developer-portal#367: lookups by sub "would get the wrong user").
        // The emulator: the username, then the sub.
        String poolId = newPool();
        UserType bob = newUser(poolId, "bob");
        UserType shadow = newUser(poolId, sub(bob));

        assertThat(get(poolId, sub(bob)).username()).isEqualTo(shadow.username());
        assertThat(get(poolId, sub(shadow)).username()).isEqualTo(sub(bob));
        assertThat(get(poolId, "bob").username()).isEqualTo("bob");
    }

    @Test
    void subOfAUserInAnotherPoolIsNotFound() {
        String poolId = newPool();
        String otherPool = newPool();
        UserType elsewhere = newUser(otherPool, "bob");

        awsError("UserNotFoundException", () -> get(poolId, sub(elsewhere)));
    }

    @Test
    void emailAliasFindsTheUserOnlyOnceVerified() {
        String poolId = aliasPool();
        newUser(poolId, "carol", attr("email", "carol@example.com"));

        // Unverified: no alias.
        var e = awsError("UserNotFoundException", () -> get(poolId, "carol@example.com"));
        assertThat(message(e)).isEqualTo("User does not exist.");

        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("carol")
                .userAttributes(attr("email_verified", "true")));
        assertThat(get(poolId, "carol@example.com").username()).isEqualTo("carol");
    }

    @Test
    void phoneAliasFindsTheUserOnlyOnceVerified() {
        String poolId = aliasPool();
        newUser(poolId, "dave", attr("phone_number", "+15550001111"));
        awsError("UserNotFoundException", () -> get(poolId, "+15550001111"));

        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("dave")
                .userAttributes(attr("phone_number_verified", "true")));

        assertThat(get(poolId, "+15550001111").username()).isEqualTo("dave");
    }

    @Test
    void preferredUsernameAliasFindsTheUserWithoutVerification() {
        String poolId = aliasPool();
        newUser(poolId, "erin", attr("preferred_username", "rinny"));

        assertThat(get(poolId, "rinny").username()).isEqualTo("erin");
    }

    @Test
    void verifiedEmailIsNoAliasInAPoolWithoutEmailAlias() {
        String poolId = newPool();
        newUser(poolId, "frank", attr("email", "frank@example.com"), attr("email_verified", "true"),
                attr("preferred_username", "frankie"));

        awsError("UserNotFoundException", () -> get(poolId, "frank@example.com"));
        awsError("UserNotFoundException", () -> get(poolId, "frankie"));
    }

    @Test
    void emailUsernamePoolFindsTheUserByEmailAndBySub() {
        String poolId = newPool(b -> b.poolName("email-username")
                .usernameAttributes(UsernameAttributeType.EMAIL));
        UserType created = newUser(poolId, "gina@example.com");

        assertThat(get(poolId, "gina@example.com").username()).isEqualTo(created.username());
        assertThat(get(poolId, sub(created)).username()).isEqualTo(created.username());
    }

    @Test
    void caseInsensitivePoolFindsTheUserWhateverTheCase() {
        String poolId = newPool(b -> b.poolName("ci").usernameConfiguration(u -> u.caseSensitive(false))
                .aliasAttributes(AliasAttributeType.EMAIL));
        String sub = sub(newUser(poolId, "HankHill", attr("email", "Hank@Example.com"),
                attr("email_verified", "true")));

        for (String username : new String[] {"HankHill", "hankhill", "HANKHILL", "hank@example.com",
            "HANK@EXAMPLE.COM"}) {
            assertThat(asMap(get(poolId, username).userAttributes())).as(username).containsEntry("sub", sub);
        }
    }

    @Test
    void disabledUserIsStillReadable() {
        String poolId = newPool();
        newUser(poolId, "ivy");
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("ivy"));

        AdminGetUserResponse user = get(poolId, "ivy");

        assertThat(user.enabled()).isFalse();
        assertThat(user.username()).isEqualTo("ivy");
    }

    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();

        // Captured: aws/aws-sdk-js#1357.
        var e = awsError("UserNotFoundException", () -> get(poolId, "nobody"));

        assertThat(message(e)).isEqualTo("User does not exist.");
    }

    @Test
    void tooLongUsernameIsAValidationErrorWithoutTheValue() {
        String poolId = newPool();

        // Format rule 3 of cognito-errors.md: Username is sensitive, so the value is left out.
        var e = awsError("InvalidParameterException", () -> get(poolId, "x".repeat(129)));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value at 'username' failed to satisfy "
                + "constraint: Member must have length less than or equal to 128");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        // Captured: aws/aws-sdk-go#2436.
        var e = awsError("ResourceNotFoundException", () -> get(NO_POOL, "anyone"));

        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
