package dev.cognitoemulator.operations.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.testing.SrpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;

/**
 * AddUserPoolClientSecret, ListUserPoolClientSecrets and DeleteUserPoolClientSecret against the SDK: up to two
 * secrets a client, each accepted wherever a secret is checked (SECRET_HASH, GetTokensFromRefreshToken's and
 * RevokeToken's ClientSecret), a deleted one nowhere.
 */
class ClientSecretsTest extends CognitoTestSupport {

    private static final String GIVEN = "my+own+secret_of_30_characters";

    /** Stands still: two secrets added one after the other are in the same millisecond. */
    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    /** A password client with a generated secret and rotating refresh tokens (GetTokensFromRefreshToken needs it). */
    private String secretClient(String poolId) {
        return passwordClient(poolId, b -> b.generateSecret(true).refreshTokenRotation(r -> r
                .feature(FeatureType.ENABLED).retryGracePeriodSeconds(0)));
    }

    private String firstSecret(String poolId, String clientId) {
        return cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient()
                .clientSecret();
    }

    private List<ClientSecretDescriptorType> list(String poolId, String clientId) {
        return cognito.listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId)).clientSecrets();
    }

    private AuthenticationResultType signIn(String poolId, String clientId, String secret) {
        return cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "alice",
                        "PASSWORD", PASSWORD, "SECRET_HASH", SrpClient.secretHash(secret, "alice", clientId))))
                .authenticationResult();
    }

    @Test
    void aClientStartsWithItsOneSecretListedWithoutItsValue() {
        String poolId = newPool();
        Instant created = clock.instant();
        String clientId = secretClient(poolId);

        List<ClientSecretDescriptorType> secrets = list(poolId, clientId);

        // Documented id format: <client-id>--<epoch-create-time>; the value is never listed.
        assertThat(secrets).containsExactly(ClientSecretDescriptorType.builder()
                .clientSecretId(clientId + "--" + created.toEpochMilli()).clientSecretCreateDate(created).build());
        String publicClient = passwordClient(poolId);
        assertThat(list(poolId, publicClient)).isEmpty();
    }

    @Test
    void aGeneratedSecretIsAnsweredOnceAndBothSecretsWork() {
        String poolId = newPool();
        String clientId = secretClient(poolId);
        String first = firstSecret(poolId, clientId);
        confirmedUser(poolId, "alice");
        clock.advance(Duration.ofSeconds(3));

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId)).clientSecretDescriptor();

        assertThat(added.clientSecretValue()).matches("[a-z0-9]{51}").isNotEqualTo(first);
        assertThat(added.clientSecretId()).isEqualTo(clientId + "--" + clock.instant().toEpochMilli());
        assertThat(added.clientSecretCreateDate()).isEqualTo(clock.instant());
        assertThat(list(poolId, clientId)).extracting(ClientSecretDescriptorType::clientSecretValue)
                .containsExactly(null, null);
        assertThat(list(poolId, clientId)).extracting(ClientSecretDescriptorType::clientSecretId).last()
                .isEqualTo(added.clientSecretId());
        // DescribeUserPoolClient shows the client's own secret, never an added one (captured*: floci-io/floci#345).
        assertThat(firstSecret(poolId, clientId)).isEqualTo(first);

        String second = added.clientSecretValue();
        AuthenticationResultType withFirst = signIn(poolId, clientId, first);
        AuthenticationResultType withSecond = signIn(poolId, clientId, second);
        assertThat(cognito.getTokensFromRefreshToken(b -> b.clientId(clientId).clientSecret(second)
                .refreshToken(withFirst.refreshToken())).authenticationResult().accessToken()).isNotBlank();
        cognito.revokeToken(b -> b.clientId(clientId).clientSecret(first).token(withSecond.refreshToken()));
    }

    @Test
    void aGivenSecretIsNotAnsweredAndWorks() {
        String poolId = newPool();
        String clientId = secretClient(poolId);
        confirmedUser(poolId, "alice");

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId).clientSecret(GIVEN)).clientSecretDescriptor();

        // Documented: the value is answered only when Cognito generated it.
        assertThat(added.clientSecretValue()).isNull();
        assertThat(added.clientSecretId()).startsWith(clientId + "--");
        assertThat(signIn(poolId, clientId, GIVEN).accessToken()).isNotBlank();
    }

    @Test
    void atMostTwoSecretsAndBadInputChangesNothing() {
        String poolId = newPool();
        String clientId = secretClient(poolId);
        cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId));

        var e = awsError("LimitExceededException", () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId)));
        assertThat(message(e)).isEqualTo("App client " + clientId + " already has 2 client secrets.");
        e = awsError("InvalidParameterException", () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId).clientSecret("short")));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value at 'clientSecret' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 24");
        String publicClient = passwordClient(poolId);
        e = awsError("InvalidParameterException", () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(publicClient)));
        assertThat(message(e)).isEqualTo("App client " + publicClient + " is not configured for secret.");
        e = awsError("ResourceNotFoundException", () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId("nosuchclient0000000000000a")));
        assertThat(message(e)).isEqualTo("User pool client nosuchclient0000000000000a does not exist.");
        e = awsError("ResourceNotFoundException", () -> list(NO_POOL, clientId));
        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");

        assertThat(list(poolId, clientId)).hasSize(2);
        assertThat(list(poolId, publicClient)).isEmpty();
        assertThat(firstSecret(poolId, publicClient)).isNull();
    }

    @Test
    void twoSecretsAddedInTheSameMillisecondHaveTheirOwnIds() {
        String poolId = newPool();
        String clientId = secretClient(poolId);

        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId)).clientSecretDescriptor();

        // The id carries the creation time, so the second is dated a millisecond after the first.
        assertThat(added.clientSecretCreateDate()).isEqualTo(clock.instant().plusMillis(1));
        assertThat(added.clientSecretId()).isEqualTo(clientId + "--" + (clock.instant().toEpochMilli() + 1));
        assertThat(list(poolId, clientId)).extracting(ClientSecretDescriptorType::clientSecretId)
                .doesNotHaveDuplicates().hasSize(2).last().isEqualTo(added.clientSecretId());
    }

    @Test
    void aDeletedSecretWorksNowhereAndTheLastCannotBeDeleted() {
        String poolId = newPool();
        String clientId = secretClient(poolId);
        String first = firstSecret(poolId, clientId);
        String firstId = list(poolId, clientId).get(0).clientSecretId();
        confirmedUser(poolId, "alice");
        clock.advance(Duration.ofSeconds(1));
        ClientSecretDescriptorType added = cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId)).clientSecretDescriptor();
        AuthenticationResultType tokens = signIn(poolId, clientId, first);

        cognito.deleteUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId).clientSecretId(firstId));

        assertThat(list(poolId, clientId)).extracting(ClientSecretDescriptorType::clientSecretId)
                .containsExactly(added.clientSecretId());
        // The added secret is not promoted: DescribeUserPoolClient shows none (captured*: floci-io/floci#345).
        assertThat(firstSecret(poolId, clientId)).isNull();
        var e = awsError("NotAuthorizedException", () -> signIn(poolId, clientId, first));
        assertThat(message(e)).isEqualTo("Unable to verify secret hash for client " + clientId);
        e = awsError("NotAuthorizedException", () -> cognito.getTokensFromRefreshToken(b -> b.clientId(clientId)
                .clientSecret(first).refreshToken(tokens.refreshToken())));
        assertThat(message(e)).isEqualTo("Unable to verify client secret for client " + clientId);
        awsError("UnauthorizedException", () -> cognito.revokeToken(b -> b.clientId(clientId).clientSecret(first)
                .token(tokens.refreshToken())));
        assertThat(signIn(poolId, clientId, added.clientSecretValue()).accessToken()).isNotBlank();

        e = awsError("InvalidParameterException", () -> cognito.deleteUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId).clientSecretId(added.clientSecretId())));
        assertThat(message(e)).isEqualTo("The last client secret of an app client cannot be deleted.");
        e = awsError("ResourceNotFoundException", () -> cognito.deleteUserPoolClientSecret(b -> b.userPoolId(poolId)
                .clientId(clientId).clientSecretId(firstId)));
        assertThat(message(e)).isEqualTo("Client secret " + firstId + " does not exist.");
        assertThat(list(poolId, clientId)).hasSize(1);
    }

    @Test
    void updatingTheClientKeepsItsSecrets() {
        String poolId = newPool();
        String clientId = secretClient(poolId);
        cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId).clientSecret(GIVEN));

        cognito.updateUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId).clientName("renamed")
                .explicitAuthFlowsWithStrings("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));

        assertThat(list(poolId, clientId)).hasSize(2);
        confirmedUser(poolId, "alice");
        assertThat(signIn(poolId, clientId, GIVEN).accessToken()).isNotBlank();
    }

    @Test
    void aClientCreatedWithItsOwnSecretShowsItAndMayNotAlsoAskForOne() {
        String poolId = newPool();

        var client = newClient(poolId, b -> b.clientSecret(GIVEN));

        assertThat(client.clientSecret()).isEqualTo(GIVEN);
        assertThat(firstSecret(poolId, client.clientId())).isEqualTo(GIVEN);
        assertThat(list(poolId, client.clientId())).hasSize(1);
        var e = awsError("InvalidParameterException", () -> newClient(poolId, b -> b.clientSecret(GIVEN)
                .generateSecret(true)));
        // Documented rule ("You cannot specify both"); the text is unconfirmed.
        assertThat(message(e)).isEqualTo("GenerateSecret cannot be true when a ClientSecret is given.");
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients())
                .hasSize(1);
    }
}
