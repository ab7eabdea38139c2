package dev.cognitoemulator.store;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.testing.SrpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeedbackValueType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * {@code --data-dir}: every kind of state a restart needs comes back (the emulator closed and started again on the
 * same directory and port), and a directory that cannot be used is a one-line error.
 */
class DataDirectoryTest extends CognitoTestSupport {

    @TempDir
    static Path dir;

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        // SigV4 off: the clock moves ahead of the SDK's (a TOTP code is used once per 30-second step).
        return builder.dataDir(dir.resolve("data")).clock(clock).authMode(AuthMode.OFF);
    }

    /** Stops the emulator and starts it again on the same directory and port (the tokens' issuer names the port). */
    private void restart() {
        int port = emulator.port();
        emulator.close();
        emulator = configure(CognitoEmulator.builder().port(port)).build().start();
    }

    private String client(String poolId) {
        return passwordClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    }

    private InitiateAuthResponse passwordSignIn(String clientId, String username, String password) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    private AuthenticationResultType srpSignIn(String poolId, String clientId, String username) {
        SrpClient srp = SrpClient.forPool(poolId);
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", username, "SRP_A",
                        srp.srpA())));
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(srp.answer(challenge.challengeParameters(), PASSWORD))).authenticationResult();
    }

    private String totp(String secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    @Test
    void passwordSrpAndTotpSignInsAndAChallengeUnderWayWorkAfterARestart() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        String bobToken = adminSignIn(poolId, clientId, "bob").accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(bobToken)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(bobToken).userCode(totp(secret)));
        cognito.setUserMFAPreference(b -> b.accessToken(bobToken).softwareTokenMfaSettings(s -> s.enabled(true)
                .preferredMfa(true)));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        InitiateAuthResponse bobChallenge = passwordSignIn(clientId, "bob", PASSWORD);
        assertThat(bobChallenge.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);

        restart();

        assertThat(passwordSignIn(clientId, "alice", PASSWORD).authenticationResult().accessToken()).isNotBlank();
        assertThat(srpSignIn(poolId, clientId, "alice").accessToken()).isNotBlank();
        awsError("NotAuthorizedException", () -> passwordSignIn(clientId, "alice", "Wr0ng-Passw0rd!"));
        // The session of the challenge issued before the restart, answered with the secret verified before it.
        assertThat(cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(bobChallenge.session())
                .challengeResponses(Map.of("USERNAME", "bob", "SOFTWARE_TOKEN_MFA_CODE", totp(secret))))
                .authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void tokensIssuedBeforeARestartVerifyRefreshAndStayRevoked() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "carol");
        confirmedUser(poolId, "dave");
        AuthenticationResultType carol = adminSignIn(poolId, clientId, "carol");
        AuthenticationResultType dave = adminSignIn(poolId, clientId, "dave");
        cognito.globalSignOut(b -> b.accessToken(dave.accessToken()));

        restart();

        assertThat(cognito.getUser(b -> b.accessToken(carol.accessToken())).username()).isEqualTo("carol");
        assertThat(refresh(poolId, clientId, carol.refreshToken()).accessToken()).isNotBlank();
        assertThat(message(awsError("NotAuthorizedException",
                () -> refresh(poolId, clientId, dave.refreshToken())))).isEqualTo("Refresh Token has been revoked");
        String jwks = cognito.getSigningCertificate(b -> b.userPoolId(poolId)).certificate();
        assertThat(jwks).isNotBlank();
    }

    @Test
    void aCodeSentBeforeARestartWorksAfterIt() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "erin", attr("email", "erin@example.com"), attr("email_verified", "true"));
        cognito.forgotPassword(b -> b.clientId(clientId).username("erin"));
        List<dev.cognitoemulator.messages.Message> sent = emulator.inbox()
                .list(new Inbox.Filter(poolId, "erin", null));
        String code = sent.get(sent.size() - 1).code();

        restart();

        cognito.confirmForgotPassword(b -> b.clientId(clientId).username("erin").confirmationCode(code)
                .password("N3w-Passw0rd!"));
        assertThat(passwordSignIn(clientId, "erin", "N3w-Passw0rd!").authenticationResult()).isNotNull();
        awsError("NotAuthorizedException", () -> passwordSignIn(clientId, "erin", PASSWORD));
    }

    @Test
    void settingsClientsGroupsDomainsProvidersAndDeletionsSurviveARestart() {
        String poolId = newPool(b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(9)))
                .userPoolTags(Map.of("team", "auth")).aliasAttributesWithStrings("email"));
        String clientId = newClient(poolId, b -> b.generateSecret(true)).clientId();
        confirmedUser(poolId, "frank", attr("email", "frank@example.com"), attr("email_verified", "true"));
        confirmedUser(poolId, "gone");
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(1));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("temporary"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("frank"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("temporary").username("frank"));
        cognito.deleteGroup(b -> b.userPoolId(poolId).groupName("temporary"));
        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("gone"));
        String domain = "durable-" + poolId.substring(poolId.indexOf('_') + 1).toLowerCase();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(domain));
        cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("https://api.example.com").name("api")
                .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("Read").build()));
        cognito.createIdentityProvider(b -> b.userPoolId(poolId).providerName("corp")
                .providerType(IdentityProviderTypeType.OIDC).providerDetails(Map.of("client_id", "abc",
                        "client_secret", "def", "authorize_scopes", "openid", "oidc_issuer", "https://idp.example.com",
                        "attributes_request_method", "GET")));
        List<Supplier<Object>> described = List.of(
                () -> cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool(),
                () -> cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient(),
                () -> cognito.listUsers(b -> b.userPoolId(poolId)).users(),
                () -> cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("frank")).groups(),
                () -> cognito.listGroups(b -> b.userPoolId(poolId)).groups(),
                () -> cognito.describeUserPoolDomain(b -> b.domain(domain)).domainDescription(),
                () -> cognito.describeResourceServer(b -> b.userPoolId(poolId)
                        .identifier("https://api.example.com")).resourceServer(),
                () -> cognito.describeIdentityProvider(b -> b.userPoolId(poolId).providerName("corp"))
                        .identityProvider());
        List<Object> before = new ArrayList<>();
        described.forEach(d -> before.add(d.get()));

        restart();

        List<Object> after = new ArrayList<>();
        described.forEach(d -> after.add(d.get()));
        assertThat(after).isEqualTo(before);
        assertThat(cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("frank")).groups())
                .extracting(g -> g.groupName()).containsExactly("admins");
        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("gone")));
        // The alias index is rebuilt: frank signs in by his email.
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("frank@example.com")).username())
                .isEqualTo("frank");
        // The store-wide index of domain names too: another pool cannot take the name.
        String other = newPool();
        awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(other)
                .domain(domain)));
    }

    @Test
    void aDeletedPoolStaysDeletedAndItsClientIsGone() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "henry");
        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        restart();

        awsError("ResourceNotFoundException", () -> cognito.describeUserPool(b -> b.userPoolId(poolId)));
        awsError("ResourceNotFoundException", () -> passwordSignIn(clientId, "henry", PASSWORD));
    }

    @Test
    void everyRowReadsBackAsTheJsonItWasWrittenAs() throws SQLException, Exception {
        // Some of everything a sign-in leaves behind, so that the rows hold sessions, grants, keys and codes.
        passwordSrpAndTotpSignInsAndAChallengeUnderWayWorkAfterARestart();
        aCodeSentBeforeARestartWorksAfterIt();
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ivy");
        assertThat(cognito.adminCreateUser(b -> b.userPoolId(poolId).username("jack")
                .temporaryPassword(PASSWORD)).user()).isNotNull();
        assertThat(passwordSignIn(clientId, "jack", PASSWORD).session()).as("a session waits").isNotBlank();
        int port = emulator.port();
        emulator.close();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data")
                .resolve(SqliteJournal.DATABASE)); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT kind, value FROM records")) {
            while (rows.next()) {
                RowKind kind = RowKind.ofColumn(rows.getString(1));
                assertThat(kind).as(rows.getString(1)).isNotNull();
                String json = rows.getString(2);
                assertThat(Records.write(Records.read(json, kind.type()))).isEqualTo(json);
                kinds.merge(kind.column(), 1, Integer::sum);
            }
        } finally {
            emulator = configure(CognitoEmulator.builder().port(port)).build().start();
        }
        assertThat(kinds).containsKeys("user", "client", "grant", "session", "signing-key", "lockout");
    }

    @Test
    void aDirectoryInUseIsRefusedInOneLine() {
        Path data = dir.resolve("data");
        assertThatThrownBy(() -> CognitoEmulator.builder().port(0).dataDir(data).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("the data directory " + data + " is in use by another cognito-emulator ("
                        + data.resolve(SqliteJournal.LOCK) + " is locked)");
    }

    @Test
    void aCorruptDatabaseIsRefusedInOneLine(@TempDir Path other) throws Exception {
        Files.write(other.resolve(SqliteJournal.DATABASE), "this is not a database, only some text in its place"
                .repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> CognitoEmulator.builder().port(0).dataDir(other).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read " + other.resolve(SqliteJournal.DATABASE) + ": ")
                .hasMessageContaining("not a database")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        // Refused, not locked: the directory can be used once the file is fixed.
        Files.delete(other.resolve(SqliteJournal.DATABASE));
        CognitoEmulator.builder().port(0).dataDir(other).build().close();
    }

    @Test
    void aRowThatIsNotItsRecordIsRefusedNamingIt(@TempDir Path other) throws Exception {
        CognitoEmulator.builder().port(0).dataDir(other).build().close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + other.resolve(SqliteJournal.DATABASE));
                Statement s = db.createStatement()) {
            s.execute("INSERT INTO pools (pool, value) VALUES ('us-east-1_abc', '{\"id\": 12}')");
        }
        assertThatThrownBy(() -> CognitoEmulator.builder().port(0).dataDir(other).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read " + other.resolve(SqliteJournal.DATABASE)
                        + ": the row pool us-east-1_abc is not a UserPool: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDatabaseOfANewerSchemaIsRefusedAndAnOlderOneMigrated(@TempDir Path other) throws Exception {
        Path file = other.resolve(SqliteJournal.DATABASE);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = db.createStatement()) {
            s.execute("PRAGMA user_version = " + (SqliteJournal.SCHEMA_VERSION + 1));
        }
        assertThatThrownBy(() -> CognitoEmulator.builder().port(0).dataDir(other).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("the data directory " + other + " was written by a newer cognito-emulator (schema version "
                        + (SqliteJournal.SCHEMA_VERSION + 1) + "; this one reads versions up to "
                        + SqliteJournal.SCHEMA_VERSION + ")");
        // Version 0, an empty database, goes through every migration step.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = db.createStatement()) {
            s.execute("PRAGMA user_version = 0");
        }
        CognitoEmulator.builder().port(0).dataDir(other).build().close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(SqliteJournal.SCHEMA_VERSION);
        }
    }

    @Test
    void threatProtectionReplicasLogDeliveryAndImportJobsComeBackAfterARestart() {
        String poolId = newPool(b -> b.userPoolTier(UserPoolTierType.PLUS)
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.AUDIT)));
        String clientId = client(poolId);
        confirmedUser(poolId, "dave");
        cognito.setRiskConfiguration(b -> b.userPoolId(poolId).clientId(clientId)
                .riskExceptionConfiguration(r -> r.blockedIPRangeList("192.0.2.0/24")));
        for (int i = 0; i < 3; i++) {
            passwordSignIn(clientId, "dave", PASSWORD);
            clock.advance(Duration.ofSeconds(1));
        }
        List<AuthEventType> events = cognito.adminListUserAuthEvents(b -> b.userPoolId(poolId).username("dave"))
                .authEvents();
        cognito.adminUpdateAuthEventFeedback(b -> b.userPoolId(poolId).username("dave")
                .eventId(events.get(2).eventId()).feedbackValue(FeedbackValueType.VALID));
        cognito.createUserPoolReplica(b -> b.userPoolId(poolId).regionName("eu-west-1"));
        cognito.setLogDeliveryConfiguration(b -> b.userPoolId(poolId).logConfigurations(LogConfigurationType.builder()
                .eventSource("userNotification").logLevel("ERROR")
                .cloudWatchLogsConfiguration(c -> c.logGroupArn(
                        "arn:aws:logs:us-east-1:000000000000:log-group:/aws/cognito/pool")).build()));
        String jobId = cognito.createUserImportJob(b -> b.userPoolId(poolId).jobName("later")
                .cloudWatchLogsRoleArn("arn:aws:iam::000000000000:role/CognitoImport")).userImportJob().jobId();

        restart();

        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId).clientId(clientId))
                .riskConfiguration().riskExceptionConfiguration().blockedIPRangeList()).containsExactly("192.0.2.0/24");
        List<AuthEventType> after = cognito.adminListUserAuthEvents(b -> b.userPoolId(poolId).username("dave"))
                .authEvents();
        // Newest first, as before, the feedback on the oldest kept.
        assertThat(after).extracting(AuthEventType::eventId)
                .containsExactlyElementsOf(events.stream().map(AuthEventType::eventId).toList());
        assertThat(after.get(2).eventFeedback().feedbackValue()).isEqualTo(FeedbackValueType.VALID);
        assertThat(cognito.listUserPoolReplicas(b -> b.userPoolId(poolId)).userPoolReplicas())
                .extracting(r -> r.regionName()).contains("eu-west-1");
        assertThat(cognito.getLogDeliveryConfiguration(b -> b.userPoolId(poolId)).logDeliveryConfiguration()
                .logConfigurations()).extracting(LogConfigurationType::eventSourceAsString).containsExactly("userNotification");
        assertThat(cognito.describeUserImportJob(b -> b.userPoolId(poolId).jobId(jobId)).userImportJob().jobName())
                .isEqualTo("later");
    }
}
