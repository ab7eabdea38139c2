package dev.cognitoemulator.operations.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;

/**
 * AdminLinkProviderForUser and AdminDisableProviderForUser against the SDK: links kept per pool (for federated
 * sign-in) and shown in the destination user's {@code identities}. Captured texts: boto/boto3#4163 (a Cognito
 * SourceUser), aws/aws-sdk-net#1000 (merging); the rest are marked unconfirmed in the operations.
 */
class ProviderLinksTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String poolWithProviders() {
        String poolId = newPool();
        cognito.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Google").providerType("Google")
                .providerDetails(IdentityProvidersTest.SOCIAL));
        cognito.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp").providerType("OIDC")
                .providerDetails(IdentityProvidersTest.OIDC));
        return poolId;
    }

    private static ProviderUserIdentifierType cognitoUser(String username) {
        return ProviderUserIdentifierType.builder().providerName("Cognito").providerAttributeValue(username).build();
    }

    private static ProviderUserIdentifierType external(String provider, String value) {
        return ProviderUserIdentifierType.builder().providerName(provider).providerAttributeName("Cognito_Subject")
                .providerAttributeValue(value).build();
    }

    private void link(String poolId, ProviderUserIdentifierType destination, ProviderUserIdentifierType source) {
        cognito.adminLinkProviderForUser(b -> b.userPoolId(poolId).destinationUser(destination).sourceUser(source));
    }

    private JsonNode identities(String poolId, String username) throws Exception {
        String value = cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userAttributes().stream()
                .filter(a -> a.name().equals("identities")).map(AttributeType::value).findFirst().orElse(null);
        return value == null ? null : JSON.readTree(value);
    }

    @Test
    void aLinkedIdentityShowsInTheUsersIdentities() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");

        link(poolId, cognitoUser("alice"), external("Google", "1234567890"));
        link(poolId, cognitoUser("alice"), external("Corp", "corp-sub"));

        JsonNode identities = identities(poolId, "alice");
        assertThat(identities).hasSize(2);
        assertThat(identities.get(0).get("userId").asText()).isEqualTo("1234567890");
        assertThat(identities.get(0).get("providerName").asText()).isEqualTo("Google");
        assertThat(identities.get(0).get("providerType").asText()).isEqualTo("Google");
        assertThat(identities.get(0).get("issuer").isNull()).isTrue();
        assertThat(identities.get(0).get("primary").asBoolean()).isFalse();
        assertThat(identities.get(0).get("dateCreated").isNumber()).isTrue();
        assertThat(identities.get(1).get("providerType").asText()).isEqualTo("OIDC");
        // the same link again changes nothing
        link(poolId, cognitoUser("alice"), external("Google", "1234567890"));
        assertThat(identities(poolId, "alice")).isEqualTo(identities);
    }

    @Test
    void disablingAnIdentityRemovesItsLink() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        link(poolId, cognitoUser("alice"), external("Google", "g-1"));
        link(poolId, cognitoUser("alice"), external("Corp", "c-1"));

        cognito.adminDisableProviderForUser(b -> b.userPoolId(poolId).user(external("Google", "g-1")));

        JsonNode identities = identities(poolId, "alice");
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).get("userId").asText()).isEqualTo("c-1");
        cognito.adminDisableProviderForUser(b -> b.userPoolId(poolId).user(external("Corp", "c-1")));
        assertThat(identities(poolId, "alice")).isNull();
        // the identity is free to link again, to another user
        confirmedUser(poolId, "bob");
        link(poolId, cognitoUser("bob"), external("Google", "g-1"));
        assertThat(identities(poolId, "bob")).hasSize(1);
    }

    @Test
    void anIdentityLinkedByAnAttributeIsDisabledByItOrByCognitoSubject() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        ProviderUserIdentifierType byEmail = ProviderUserIdentifierType.builder().providerName("Corp")
                .providerAttributeName("email").providerAttributeValue("alice@corp.example").build();
        link(poolId, cognitoUser("alice"), byEmail);

        assertThat(message(awsError("UserNotFoundException", () -> cognito.adminDisableProviderForUser(
                b -> b.userPoolId(poolId).user(byEmail.toBuilder().providerAttributeName("name").build())))))
                .isEqualTo("User does not exist.");
        assertThat(identities(poolId, "alice")).hasSize(1);
        cognito.adminDisableProviderForUser(b -> b.userPoolId(poolId).user(byEmail));
        assertThat(identities(poolId, "alice")).isNull();
    }

    @Test
    void aCognitoUserCannotBeTheSource() {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");

        assertThat(message(awsError("InvalidParameterException",
                () -> link(poolId, cognitoUser("alice"), cognitoUser("bob")))))
                .isEqualTo("Invalid SourceUser: Cognito users with a username/password may not be passed in as a"
                        + " SourceUser, only as a DestinationUser");
    }

    @Test
    void identitiesMustBeNamedWhole() {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException", () -> link(poolId, cognitoUser("alice"),
                external("Google", "g-1").toBuilder().providerAttributeName(null).build()))))
                .isEqualTo("SourceUser needs ProviderName, ProviderAttributeName and ProviderAttributeValue");
        assertThat(message(awsError("InvalidParameterException", () -> link(poolId,
                cognitoUser("alice").toBuilder().providerName(null).build(), external("Google", "g-1")))))
                .isEqualTo("DestinationUser needs ProviderName and ProviderAttributeValue");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.adminDisableProviderForUser(
                b -> b.userPoolId(poolId).user(external("Google", null))))))
                .isEqualTo("User needs ProviderName and ProviderAttributeValue");
    }

    @Test
    void theSourceProviderMustExist() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException",
                () -> link(poolId, cognitoUser("alice"), external("Facebook", "f-1")))))
                .isEqualTo("The provider Facebook does not exist for User Pool " + poolId + ".");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.adminDisableProviderForUser(
                b -> b.userPoolId(poolId).user(external("Facebook", "f-1"))))))
                .isEqualTo("The provider Facebook does not exist for User Pool " + poolId + ".");
        assertThat(identities(poolId, "alice")).isNull();
    }

    @Test
    void theDestinationMustExist() {
        String poolId = poolWithProviders();

        assertThat(message(awsError("UserNotFoundException",
                () -> link(poolId, cognitoUser("nobody"), external("Google", "g-1")))))
                .isEqualTo("User does not exist.");
        awsError("UserNotFoundException", () -> link(poolId, external("Corp", "never-signed-in"),
                external("Google", "g-1")));
    }

    @Test
    void anIdentityAlreadySignedUpCannotBeMerged() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        // a user named as Cognito names a federated user of Google's identity g-1
        newUser(poolId, "Google_g-1");

        assertThat(message(awsError("InvalidParameterException",
                () -> link(poolId, cognitoUser("alice"), external("Google", "g-1")))))
                .isEqualTo("Merging is not currently supported, provide a SourceUser that has not been signed up"
                        + " in order to link");
        assertThat(identities(poolId, "alice")).isNull();
    }

    @Test
    void aFederatedUserCanBeTheDestination() throws Exception {
        String poolId = poolWithProviders();
        newUser(poolId, "Corp_c-1");

        link(poolId, external("Corp", "c-1"), external("Google", "g-1"));

        assertThat(identities(poolId, "Corp_c-1")).hasSize(1);
    }

    @Test
    void anIdentityIsLinkedToOneUserOnly() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");
        link(poolId, cognitoUser("alice"), external("Google", "g-1"));

        assertThat(message(awsError("AliasExistsException",
                () -> link(poolId, cognitoUser("bob"), external("Google", "g-1")))))
                .isEqualTo("The SourceUser is already linked to another user.");
        assertThat(identities(poolId, "bob")).isNull();
        assertThat(identities(poolId, "alice")).hasSize(1);
    }

    @Test
    void aUserHasAtMostFiveLinkedIdentities() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        for (int i = 1; i <= 5; i++) {
            link(poolId, cognitoUser("alice"), external("Corp", "c-" + i));
        }

        assertThat(message(awsError("LimitExceededException",
                () -> link(poolId, cognitoUser("alice"), external("Corp", "c-6")))))
                .isEqualTo("A user can be linked to at most 5 identities.");
        assertThat(identities(poolId, "alice")).hasSize(5);
    }

    @Test
    void aDeletedUsersLinksGoWithIt() throws Exception {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");
        link(poolId, cognitoUser("alice"), external("Google", "g-1"));

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("alice"));
        confirmedUser(poolId, "bob");
        link(poolId, cognitoUser("bob"), external("Google", "g-1"));

        assertThat(identities(poolId, "bob")).hasSize(1);
    }

    @Test
    void anIdentityNotLinkedIsNotFound() {
        String poolId = poolWithProviders();

        assertThat(message(awsError("UserNotFoundException", () -> cognito.adminDisableProviderForUser(
                b -> b.userPoolId(poolId).user(external("Google", "g-1")))))).isEqualTo("User does not exist.");
    }

    @Test
    void deactivatingALocalUserIsNotSupported() {
        String poolId = poolWithProviders();
        confirmedUser(poolId, "alice");

        CognitoIdentityProviderException e = catchThrowableOfType(CognitoIdentityProviderException.class,
                () -> cognito.adminDisableProviderForUser(b -> b.userPoolId(poolId)
                .user(cognitoUser("alice").toBuilder().providerAttributeName("Cognito_Subject").build())));
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplementedException");
    }

    @Test
    void anUnknownPoolIsNotFound() {
        assertThat(message(awsError("ResourceNotFoundException",
                () -> link(NO_POOL, cognitoUser("alice"), external("Google", "g-1")))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
