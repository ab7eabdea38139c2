package dev.cognitoemulator.operations.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient, DeleteUserPoolClient and
 * ListUserPoolClients against the SDK.
 *
 * <p>Defaults are those of the CreateUserPoolClient documentation (ExplicitAuthFlows
 * {@code ALLOW_REFRESH_TOKEN_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_SRP_AUTH}; tokens 60 minutes / 60 minutes /
 * 30 days; access and ID validity in hours when no unit is given; {@code PreventUserExistenceErrors} LEGACY
 * for API-created clients, cognito-errors.md rule 6). Captured texts: "REFRESH_TOKEN_AUTH should always be
 * allowed." (aws/aws-cdk#7625), "Invalid write attributes specified while updating a client"
 * (jmaleonard/serverless-cognito-add-custom-attributes#4), "User pool client … does not exist."
 * (aws/aws-sdk-php#2183), "User pool … does not exist." (aws/aws-sdk-go#2436). The range error's text is not
 * public, so only its code is pinned.
 */
class UserPoolClientsTest extends CognitoTestSupport {

    /** The emulator's clock: moved forward where a test needs a later modification date. */
    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("clients")
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING).build());
    }

    private UserPoolClientType describe(String poolId, String clientId) {
        return cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient();
    }

    @Test
    void createGivesA26CharacterLowercaseIdAndNoSecretByDefault() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> { });

        assertThat(client.clientId()).matches("[a-z0-9]{26}");
        assertThat(client.clientSecret()).isNull();
        assertThat(client.userPoolId()).isEqualTo(poolId);
        assertThat(client.clientName()).isEqualTo("app");
        assertThat(client.creationDate()).isNotNull().isEqualTo(client.lastModifiedDate());
    }

    @Test
    void generateSecretGivesASecretThatDescribeReturns() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true));

        assertThat(client.clientSecret()).isNotBlank();
        assertThat(describe(poolId, client.clientId()).clientSecret()).isEqualTo(client.clientSecret());
        assertThat(newClient(poolId, b -> b.generateSecret(true)).clientSecret()).isNotEqualTo(client.clientSecret());
    }

    @Test
    void createFillsInAwsDefaults() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> { });

        assertThat(client.explicitAuthFlows()).containsExactlyInAnyOrder(
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH);
        assertThat(client.accessTokenValidity()).isEqualTo(60);
        assertThat(client.idTokenValidity()).isEqualTo(60);
        assertThat(client.refreshTokenValidity()).isEqualTo(30);
        assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(client.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.DAYS);
        assertThat(client.preventUserExistenceErrors()).isEqualTo(PreventUserExistenceErrorTypes.LEGACY);
        assertThat(client.enableTokenRevocation()).isTrue();
        assertThat(client.authSessionValidity()).isEqualTo(3);
        assertThat(client.allowedOAuthFlowsUserPoolClient()).isFalse();
        assertThat(describe(poolId, client.clientId())).isEqualTo(client);
    }

    @Test
    void customValidityKeepsItsUnits() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> b.accessTokenValidity(5).idTokenValidity(90)
                .refreshTokenValidity(120)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.MINUTES)));

        assertThat(client.accessTokenValidity()).isEqualTo(5);
        assertThat(client.idTokenValidity()).isEqualTo(90);
        assertThat(client.refreshTokenValidity()).isEqualTo(120);
        assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(client.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.MINUTES);
    }

    @Test
    void validityWithoutUnitsIsInHoursForAccessAndIdAndDaysForRefresh() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> b.accessTokenValidity(2).idTokenValidity(3)
                .refreshTokenValidity(7));

        assertThat(client.accessTokenValidity()).isEqualTo(2);
        assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.HOURS);
        assertThat(client.idTokenValidity()).isEqualTo(3);
        assertThat(client.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.HOURS);
        assertThat(client.refreshTokenValidity()).isEqualTo(7);
        assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.DAYS);
    }

    @Test
    void validityAtTheDocumentedBoundsIsAccepted() {
        String poolId = newPool();

        UserPoolClientType low = newClient(poolId, b -> b.accessTokenValidity(5).idTokenValidity(5)
                .refreshTokenValidity(60)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.MINUTES)));
        UserPoolClientType high = newClient(poolId, b -> b.accessTokenValidity(1).idTokenValidity(24)
                .refreshTokenValidity(3650)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.DAYS).idToken(TimeUnitsType.HOURS)
                        .refreshToken(TimeUnitsType.DAYS)));

        assertThat(low.accessTokenValidity()).isEqualTo(5);
        assertThat(high.refreshTokenValidity()).isEqualTo(3650);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"access 4 minutes", "access 25 hours", "id 2 days", "id 299 seconds",
            "refresh 59 minutes", "refresh 3651 days"})
    void validityOutOfRangeIsInvalidParameter(String row) {
        String poolId = newPool();
        String[] parts = row.split(" ");
        int value = Integer.parseInt(parts[1]);
        TimeUnitsType unit = TimeUnitsType.fromValue(parts[2]);

        awsError("InvalidParameterException", () -> newClient(poolId, b -> {
            switch (parts[0]) {
                case "access" -> b.accessTokenValidity(value).tokenValidityUnits(u -> u.accessToken(unit));
                case "id" -> b.idTokenValidity(value).tokenValidityUnits(u -> u.idToken(unit));
                default -> b.refreshTokenValidity(value).tokenValidityUnits(u -> u.refreshToken(unit));
            }
        }));
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId)).userPoolClients()).isEmpty();
    }

    @Test
    void readAndWriteAttributesRoundTrip() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> b.readAttributes("email", "email_verified", "custom:tier")
                .writeAttributes("email", "custom:tier"));

        assertThat(client.readAttributes()).containsExactlyInAnyOrder("email", "email_verified", "custom:tier");
        assertThat(client.writeAttributes()).containsExactlyInAnyOrder("email", "custom:tier");
    }

    @Test
    void readAttributesNotInTheSchemaAreRefused() {
        String poolId = newPool();

        awsError("InvalidParameterException", () -> newClient(poolId, b -> b.readAttributes("email", "custom:nope")));
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId)).userPoolClients()).isEmpty();
    }

    @Test
    void writeAttributesNotInTheSchemaAreRefused() {
        String poolId = newPool();

        awsError("InvalidParameterException", () -> newClient(poolId, b -> b.writeAttributes("nickname2")));
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId)).userPoolClients()).isEmpty();
    }

    @Test
    void writeAttributesNotInTheSchemaAreRefusedOnUpdateWithAwsText() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();

        var e = awsError("InvalidParameterException", () -> cognito.updateUserPoolClient(b -> b
                .userPoolId(poolId).clientId(clientId).writeAttributes("custom:nope")));
        assertThat(message(e)).isEqualTo("Invalid write attributes specified while updating a client");
    }

    @Test
    void allowFlowsWithoutRefreshAreRefused() {
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> newClient(poolId, b -> b.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)));
        assertThat(message(e)).isEqualTo("REFRESH_TOKEN_AUTH should always be allowed.");
    }

    @Test
    void allowFlowsWithoutRefreshAreRefusedOnUpdate() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();

        var e = awsError("InvalidParameterException", () -> cognito.updateUserPoolClient(b -> b
                .userPoolId(poolId).clientId(clientId).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)));
        assertThat(message(e)).isEqualTo("REFRESH_TOKEN_AUTH should always be allowed.");
        assertThat(describe(poolId, clientId).explicitAuthFlows()).contains(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH);
    }

    @Test
    void givenFlowsAreKept() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> b.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));

        assertThat(client.explicitAuthFlows()).containsExactlyInAnyOrder(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    }

    @Test
    void oauthSettingsAndUrlsRoundTrip() {
        String poolId = newPool();

        UserPoolClientType client = newClient(poolId, b -> b
                .allowedOAuthFlows(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT)
                .allowedOAuthScopes("openid", "email", "profile")
                .allowedOAuthFlowsUserPoolClient(true)
                .callbackURLs("https://app.example.com/callback", "http://localhost:3000/callback")
                .logoutURLs("https://app.example.com/logout")
                .defaultRedirectURI("https://app.example.com/callback")
                .supportedIdentityProviders("COGNITO")
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)
                .enableTokenRevocation(false)
                .authSessionValidity(10));

        UserPoolClientType described = describe(poolId, client.clientId());
        assertThat(described).isEqualTo(client);
        assertThat(described.allowedOAuthFlows()).containsExactly(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT);
        assertThat(described.allowedOAuthScopes()).containsExactly("openid", "email", "profile");
        assertThat(described.allowedOAuthFlowsUserPoolClient()).isTrue();
        assertThat(described.callbackURLs()).containsExactly("https://app.example.com/callback",
                "http://localhost:3000/callback");
        assertThat(described.logoutURLs()).containsExactly("https://app.example.com/logout");
        assertThat(described.defaultRedirectURI()).isEqualTo("https://app.example.com/callback");
        assertThat(described.supportedIdentityProviders()).containsExactly("COGNITO");
        assertThat(described.preventUserExistenceErrors()).isEqualTo(PreventUserExistenceErrorTypes.ENABLED);
        assertThat(described.enableTokenRevocation()).isFalse();
        assertThat(described.authSessionValidity()).isEqualTo(10);
    }

    @Test
    void updateReplacesSettingsAndResetsWhatItOmits() {
        String poolId = newPool();
        UserPoolClientType before = newClient(poolId, b -> b.generateSecret(true).accessTokenValidity(5)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))
                .readAttributes("email")
                .callbackURLs("https://app.example.com/callback")
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)
                .enableTokenRevocation(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        clock.advance(Duration.ofSeconds(1));

        UserPoolClientType after = cognito.updateUserPoolClient(b -> b.userPoolId(poolId)
                .clientId(before.clientId()).clientName("renamed").idTokenValidity(2)).userPoolClient();

        assertThat(after.clientName()).isEqualTo("renamed");
        assertThat(after.clientId()).isEqualTo(before.clientId());
        assertThat(after.clientSecret()).isEqualTo(before.clientSecret());
        assertThat(after.creationDate()).isEqualTo(before.creationDate());
        assertThat(after.lastModifiedDate()).isAfter(before.lastModifiedDate());
        assertThat(after.idTokenValidity()).isEqualTo(2);
        assertThat(after.tokenValidityUnits().idToken()).isEqualTo(TimeUnitsType.HOURS);
        // Omitted: back to the defaults.
        assertThat(after.accessTokenValidity()).isEqualTo(60);
        assertThat(after.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
        assertThat(after.readAttributes()).isEmpty();
        assertThat(after.callbackURLs()).isEmpty();
        assertThat(after.preventUserExistenceErrors()).isEqualTo(PreventUserExistenceErrorTypes.LEGACY);
        assertThat(after.enableTokenRevocation()).isTrue();
        assertThat(after.explicitAuthFlows()).containsExactlyInAnyOrder(
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH);
        assertThat(describe(poolId, before.clientId())).isEqualTo(after);
    }

    @Test
    void deleteRemovesTheClient() {
        String poolId = newPool();
        String kept = newClient(poolId, b -> { }).clientId();
        String deleted = newClient(poolId, b -> { }).clientId();

        cognito.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(deleted));

        var e = awsError("ResourceNotFoundException", () -> describe(poolId, deleted));
        assertThat(message(e)).isEqualTo("User pool client " + deleted + " does not exist.");
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId)).userPoolClients())
                .extracting(UserPoolClientDescription::clientId).containsExactly(kept);
        awsError("ResourceNotFoundException",
                () -> cognito.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(deleted)));
    }

    @Test
    void listReturnsEveryClientExactlyOnceAcrossPages() {
        String poolId = newPool();
        Set<String> created = new HashSet<>();
        IntStream.range(0, 7).forEach(i -> created.add(newClient(poolId, b -> b.clientName("app-" + i)).clientId()));

        List<UserPoolClientDescription> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListUserPoolClientsResponse page = cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(3)
                    .nextToken(next));
            assertThat(page.userPoolClients()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.userPoolClients());
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(UserPoolClientDescription::clientId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(created);
        assertThat(seen).allSatisfy(c -> {
            assertThat(c.userPoolId()).isEqualTo(poolId);
            assertThat(c.clientName()).startsWith("app-");
        });
    }

    @Test
    void listOfAPoolWithoutClientsIsEmpty() {
        String poolId = newPool();

        ListUserPoolClientsResponse page = cognito.listUserPoolClients(b -> b.userPoolId(poolId));

        assertThat(page.userPoolClients()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void clientsBelongToTheirPool() {
        String poolId = newPool();
        String other = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();

        var e = awsError("ResourceNotFoundException", () -> describe(other, clientId));
        assertThat(message(e)).isEqualTo("User pool client " + clientId + " does not exist.");
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(other)).userPoolClients()).isEmpty();
    }

    @Test
    void unknownClientIsResourceNotFound() {
        String poolId = newPool();
        String clientId = "abcdefghijklmnopqrstuvwxyz";

        var describe = awsError("ResourceNotFoundException", () -> describe(poolId, clientId));
        var update = awsError("ResourceNotFoundException", () -> cognito.updateUserPoolClient(b -> b
                .userPoolId(poolId).clientId(clientId)));
        var delete = awsError("ResourceNotFoundException", () -> cognito.deleteUserPoolClient(b -> b
                .userPoolId(poolId).clientId(clientId)));

        assertThat(List.of(message(describe), message(update), message(delete)))
                .containsOnly("User pool client " + clientId + " does not exist.");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        String expected = "User pool " + NO_POOL + " does not exist.";
        String clientId = "abcdefghijklmnopqrstuvwxyz";

        assertThat(message(awsError("ResourceNotFoundException", () -> newClient(NO_POOL, b -> { }))))
                .isEqualTo(expected);
        assertThat(message(awsError("ResourceNotFoundException", () -> describe(NO_POOL, clientId))))
                .isEqualTo(expected);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.updateUserPoolClient(b -> b
                .userPoolId(NO_POOL).clientId(clientId))))).isEqualTo(expected);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.deleteUserPoolClient(b -> b
                .userPoolId(NO_POOL).clientId(clientId))))).isEqualTo(expected);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.listUserPoolClients(b -> b
                .userPoolId(NO_POOL))))).isEqualTo(expected);
    }
}
