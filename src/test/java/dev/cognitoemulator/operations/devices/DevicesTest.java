package dev.cognitoemulator.operations.devices;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.testing.SrpClient;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmDeviceResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListDevicesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Remembered devices: NewDeviceMetadata and the access token's {@code device_key} in a pool that tracks devices,
 * ConfirmDevice, the device operations (user and admin forms), sign-in from a remembered device through
 * DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER, device-bound refresh, forgotten devices.
 *
 * <p>Captured or documented: the device key {@code <region>_<uuid>} (Cognito developer guide), a group key like
 * {@code -wt2ha1Zd} (aws-cli examples), AdminGetDevice's attributes and dates (aws-cli examples
 * admin-get-device.rst), "Device does not exist." (the text amplify-js retries on), a forgotten or unnamed device's
 * refresh token refused (aws/aws-sdk-java-v2#3418), UserConfirmationNecessary where devices are remembered on the
 * user's word (API reference, DeviceConfigurationType). Unconfirmed: the texts of ConfirmDevice's refusals, an
 * unknown user of AdminGetDevice as ResourceNotFoundException (the model lists no UserNotFoundException for it),
 * that a confirmed but not remembered device signs in without DEVICE_SRP_AUTH.
 */
class DevicesTest extends CognitoTestSupport {

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    /** A pool that tracks devices: always remembered, or remembered on the user's word only. */
    private String trackingPool(boolean onPromptOnly) {
        return newPool(b -> b.poolName("devices").deviceConfiguration(d -> d.challengeRequiredOnNewDevice(false)
                .deviceOnlyRememberedOnUserPrompt(onPromptOnly)));
    }

    private String client(String poolId) {
        return newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
    }

    /** USER_SRP_AUTH to PASSWORD_VERIFIER's answer, naming {@code deviceKey} when it is not null. */
    private RespondToAuthChallengeResponse passwordVerifier(String poolId, String clientId, String username,
            String deviceKey) {
        SrpClient srp = SrpClient.forPool(poolId);
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", username, "SRP_A",
                        srp.srpA())));
        Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), PASSWORD));
        if (deviceKey != null) {
            answer.put("DEVICE_KEY", deviceKey);
        }
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(answer));
    }

    /** DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER with the device's password (its own or a wrong one). */
    private RespondToAuthChallengeResponse deviceSignIn(String clientId, String session, String username,
            SrpClient.DeviceSecret device, String password) {
        SrpClient srp = SrpClient.forDevice(device.groupKey());
        RespondToAuthChallengeResponse challenge = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_SRP_AUTH).session(session).challengeResponses(Map.of(
                        "USERNAME", username, "DEVICE_KEY", device.deviceKey(), "SRP_A", srp.srpA())));
        assertThat(challenge.challengeNameAsString()).isEqualTo("DEVICE_PASSWORD_VERIFIER");
        Map<String, String> parameters = challenge.challengeParameters();
        Map<String, String> answer = new HashMap<>(srp.answer(parameters, device.deviceKey(),
                parameters.get("USERNAME"), password, SrpClient.now()));
        answer.put("DEVICE_KEY", device.deviceKey());
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER).session(challenge.session())
                .challengeResponses(answer));
    }

    /** ConfirmDevice for the device a sign-in announced, as a client library makes its secret. */
    private SrpClient.DeviceSecret confirm(AuthenticationResultType tokens) {
        return confirm(tokens, "Test device");
    }

    private SrpClient.DeviceSecret confirm(AuthenticationResultType tokens, String name) {
        SrpClient.DeviceSecret secret = SrpClient.deviceSecret(tokens.newDeviceMetadata().deviceKey(),
                tokens.newDeviceMetadata().deviceGroupKey());
        cognito.confirmDevice(b -> b.accessToken(tokens.accessToken()).deviceKey(secret.deviceKey()).deviceName(name)
                .deviceSecretVerifierConfig(c -> c.passwordVerifier(secret.verifier()).salt(secret.salt())));
        return secret;
    }

    private AuthenticationResultType deviceRefresh(String clientId, String refreshToken, String deviceKey) {
        Map<String, String> parameters = new HashMap<>(Map.of("REFRESH_TOKEN", refreshToken));
        if (deviceKey != null) {
            parameters.put("DEVICE_KEY", deviceKey);
        }
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(parameters)).authenticationResult();
    }

    private DeviceType adminDevice(String poolId, String username, String deviceKey) {
        return cognito.adminGetDevice(b -> b.userPoolId(poolId).username(username).deviceKey(deviceKey)).device();
    }

    private static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    // --- a new device ---------------------------------------------------------------------------------------

    @Test
    void aSignInAnnouncesANewDeviceAndItsTokensCarryIt() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");

        AuthenticationResultType srp = passwordVerifier(poolId, clientId, "alice", null).authenticationResult();
        AuthenticationResultType password = adminSignIn(poolId, clientId, "alice");

        for (AuthenticationResultType tokens : new AuthenticationResultType[] {srp, password}) {
            String deviceKey = tokens.newDeviceMetadata().deviceKey();
            assertThat(deviceKey).matches("us-east-1_" + Attributes.UUID);
            assertThat(tokens.newDeviceMetadata().deviceGroupKey()).matches("-[A-Za-z0-9]{8}");
            assertThat(claims(tokens.accessToken()).getClaim("device_key")).isEqualTo(deviceKey);
            assertThat(claims(tokens.idToken()).getClaim("device_key")).isNull();
        }
        assertThat(srp.newDeviceMetadata().deviceKey()).isNotEqualTo(password.newDeviceMetadata().deviceKey());
    }

    @Test
    void confirmingADeviceRemembersItWhereThePoolAlwaysDoes() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        SrpClient.DeviceSecret secret = SrpClient.deviceSecret(tokens.newDeviceMetadata().deviceKey(),
                tokens.newDeviceMetadata().deviceGroupKey());
        Instant before = clock.instant();

        ConfirmDeviceResponse response = cognito.confirmDevice(b -> b.accessToken(tokens.accessToken())
                .deviceKey(secret.deviceKey()).deviceName("Pixel 9").deviceSecretVerifierConfig(c -> c
                        .passwordVerifier(secret.verifier()).salt(secret.salt())));
        DeviceType device = adminDevice(poolId, "alice", secret.deviceKey());

        assertThat(response.userConfirmationNecessary()).isFalse();
        assertThat(device.deviceKey()).isEqualTo(secret.deviceKey());
        Map<String, String> attributes = asMap(device.deviceAttributes());
        assertThat(attributes.keySet()).containsExactly("device_status", "device_name", "dev:device_arn",
                "dev:device_owner", "last_ip_used", "dev:device_remembered_status");
        assertThat(attributes).containsEntry("device_status", "valid").containsEntry("device_name", "Pixel 9")
                .containsEntry("dev:device_arn", "arn:aws:cognito-idp:us-east-1:000000000000:owner/alice." + poolId
                        + "/device/" + secret.deviceKey())
                .containsEntry("dev:device_owner", "alice." + poolId).containsEntry("last_ip_used", "127.0.0.1")
                .containsEntry("dev:device_remembered_status", "remembered");
        assertThat(device.deviceCreateDate()).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(device.deviceLastModifiedDate()).isEqualTo(device.deviceCreateDate());
        assertThat(device.deviceLastAuthenticatedDate().getNano()).as("whole seconds, as AWS answers").isZero();
        assertThat(device.deviceLastAuthenticatedDate()).isBeforeOrEqualTo(device.deviceCreateDate());
    }

    @Test
    void whereDevicesAreRememberedOnTheUsersWordConfirmingAsksForIt() {
        String poolId = trackingPool(true);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        SrpClient.DeviceSecret secret = SrpClient.deviceSecret(tokens.newDeviceMetadata().deviceKey(),
                tokens.newDeviceMetadata().deviceGroupKey());

        ConfirmDeviceResponse response = cognito.confirmDevice(b -> b.accessToken(tokens.accessToken())
                .deviceKey(secret.deviceKey()).deviceSecretVerifierConfig(c -> c.passwordVerifier(secret.verifier())
                        .salt(secret.salt())));
        String before = asMap(adminDevice(poolId, "alice", secret.deviceKey()).deviceAttributes())
                .get("dev:device_remembered_status");
        clock.advance(Duration.ofSeconds(2));
        cognito.updateDeviceStatus(b -> b.accessToken(tokens.accessToken()).deviceKey(secret.deviceKey())
                .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED));
        DeviceType after = adminDevice(poolId, "alice", secret.deviceKey());

        assertThat(response.userConfirmationNecessary()).isTrue();
        assertThat(before).isEqualTo("not_remembered");
        assertThat(asMap(after.deviceAttributes())).containsEntry("dev:device_remembered_status", "remembered")
                .doesNotContainKey("device_name");
        assertThat(after.deviceLastModifiedDate()).isAfter(after.deviceCreateDate());
    }

    @Test
    void theUsersOwnOperationsShowNoDeveloperAttributes() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        SrpClient.DeviceSecret secret = confirm(tokens);

        DeviceType got = cognito.getDevice(b -> b.accessToken(tokens.accessToken()).deviceKey(secret.deviceKey()))
                .device();
        ListDevicesResponse listed = cognito.listDevices(b -> b.accessToken(tokens.accessToken()));

        assertThat(asMap(got.deviceAttributes()).keySet()).containsExactly("device_status", "device_name",
                "last_ip_used");
        assertThat(listed.devices()).extracting(DeviceType::deviceKey).containsExactly(secret.deviceKey());
        assertThat(listed.paginationToken()).isNull();
    }

    @Test
    void confirmDeviceTakesOnlyTheDeviceItsSignInAnnouncedOnce() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");
        AuthenticationResultType second = adminSignIn(poolId, clientId, "alice");
        SrpClient.DeviceSecret secret = confirm(first);

        var other = awsError("ResourceNotFoundException", () -> cognito.confirmDevice(b -> b
                .accessToken(second.accessToken()).deviceKey(secret.deviceKey())));
        var again = awsError("DeviceKeyExistsException", () -> cognito.confirmDevice(b -> b
                .accessToken(first.accessToken()).deviceKey(secret.deviceKey())));
        var garbled = awsError("InvalidParameterException", () -> cognito.confirmDevice(b -> b
                .accessToken(second.accessToken()).deviceKey(second.newDeviceMetadata().deviceKey())
                .deviceSecretVerifierConfig(c -> c.passwordVerifier("not base64!").salt("AAAA"))));

        assertThat(message(other)).isEqualTo("Device does not exist.");
        assertThat(message(again)).isEqualTo("Device key already exists.");
        assertThat(message(garbled)).startsWith("DeviceSecretVerifierConfig");
    }

    // --- signing in from a device ---------------------------------------------------------------------------

    @Test
    void aRememberedDeviceSignsInThroughDeviceSrp() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret secret = confirm(passwordVerifier(poolId, clientId, "alice", null)
                .authenticationResult());
        Instant confirmedAuth = adminDevice(poolId, "alice", secret.deviceKey()).deviceLastAuthenticatedDate();
        clock.advance(Duration.ofSeconds(3));

        RespondToAuthChallengeResponse challenge = passwordVerifier(poolId, clientId, "alice", secret.deviceKey());
        RespondToAuthChallengeResponse response = deviceSignIn(clientId, challenge.session(), "alice", secret,
                secret.password());

        assertThat(challenge.challengeNameAsString()).isEqualTo("DEVICE_SRP_AUTH");
        assertThat(challenge.session()).isNotBlank();
        AuthenticationResultType tokens = response.authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.newDeviceMetadata()).as("a known device").isNull();
        assertThat(claims(tokens.accessToken()).getClaim("device_key")).isEqualTo(secret.deviceKey());
        assertThat(adminDevice(poolId, "alice", secret.deviceKey()).deviceLastAuthenticatedDate())
                .isAfter(confirmedAuth);
    }

    @Test
    void aPasswordSignInFromARememberedDeviceGoesThroughDeviceSrpToo() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret secret = confirm(adminSignIn(poolId, clientId, "alice"));

        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "alice", "PASSWORD",
                        PASSWORD, "DEVICE_KEY", secret.deviceKey())));
        RespondToAuthChallengeResponse response = deviceSignIn(clientId, challenge.session(), "alice", secret,
                secret.password());

        assertThat(challenge.challengeNameAsString()).isEqualTo("DEVICE_SRP_AUTH");
        assertThat(claims(response.authenticationResult().accessToken()).getClaim("device_key"))
                .isEqualTo(secret.deviceKey());
    }

    @Test
    void aWrongDeviceSecretIsRefused() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret secret = confirm(adminSignIn(poolId, clientId, "alice"));
        RespondToAuthChallengeResponse challenge = passwordVerifier(poolId, clientId, "alice", secret.deviceKey());

        var e = awsError("NotAuthorizedException", () -> deviceSignIn(clientId, challenge.session(), "alice", secret,
                "not the device's password"));

        assertThat(message(e)).isEqualTo("Incorrect username or password.");
    }

    @Test
    void theDeviceChallengeNeedsItsSession() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret secret = confirm(adminSignIn(poolId, clientId, "alice"));

        var e = awsError("NotAuthorizedException", () -> deviceSignIn(clientId, "AYABeNotARealSessionToken0123456789",
                "alice", secret, secret.password()));

        assertThat(message(e)).isEqualTo("Invalid session for the user.");
    }

    @Test
    void aDeviceNotRememberedSignsInWithoutTheDeviceChallenge() {
        String poolId = trackingPool(true);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret secret = confirm(adminSignIn(poolId, clientId, "alice"));

        AuthenticationResultType tokens = passwordVerifier(poolId, clientId, "alice", secret.deviceKey())
                .authenticationResult();

        assertThat(tokens.newDeviceMetadata()).isNull();
        assertThat(claims(tokens.accessToken()).getClaim("device_key")).isEqualTo(secret.deviceKey());
    }

    @Test
    void anotherUsersDeviceDoesNotExistForThisOne() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");
        SrpClient.DeviceSecret alices = confirm(adminSignIn(poolId, clientId, "alice"));

        var e = awsError("ResourceNotFoundException", () -> passwordVerifier(poolId, clientId, "bob",
                alices.deviceKey()));

        assertThat(message(e)).isEqualTo("Device does not exist.");
    }

    // --- forgetting, refreshing -----------------------------------------------------------------------------

    @Test
    void aForgottenDeviceIsRefusedAndTheSameAnswerWithoutItStillSignsIn() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");
        SrpClient.DeviceSecret secret = confirm(first);
        cognito.forgetDevice(b -> b.accessToken(first.accessToken()).deviceKey(secret.deviceKey()));
        SrpClient srp = SrpClient.forPool(poolId);
        Map<String, String> challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", "alice", "SRP_A",
                        srp.srpA()))).challengeParameters();
        Map<String, String> answer = new HashMap<>(srp.answer(challenge, PASSWORD));
        answer.put("DEVICE_KEY", secret.deviceKey());

        var e = awsError("ResourceNotFoundException", () -> cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(answer)));
        // amazon-cognito-identity-js answers again, the same proof without the device (CognitoUser.js).
        answer.remove("DEVICE_KEY");
        AuthenticationResultType tokens = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(answer)).authenticationResult();

        assertThat(message(e)).isEqualTo("Device does not exist.");
        assertThat(tokens.newDeviceMetadata()).isNotNull();
        var refresh = awsError("NotAuthorizedException", () -> deviceRefresh(clientId, first.refreshToken(),
                secret.deviceKey()));
        assertThat(message(refresh)).isEqualTo("Invalid Refresh Token.");
        var gone = awsError("ResourceNotFoundException", () -> adminDevice(poolId, "alice", secret.deviceKey()));
        assertThat(message(gone)).isEqualTo("Device does not exist.");
    }

    @Test
    void aDevicesRefreshTokenNeedsTheDeviceKey() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        String deviceKey = tokens.newDeviceMetadata().deviceKey();

        var unconfirmed = awsError("NotAuthorizedException", () -> deviceRefresh(clientId, tokens.refreshToken(),
                deviceKey));
        confirm(tokens);
        var without = awsError("NotAuthorizedException", () -> deviceRefresh(clientId, tokens.refreshToken(), null));
        var other = awsError("NotAuthorizedException", () -> deviceRefresh(clientId, tokens.refreshToken(),
                "us-east-1_00000000-0000-4000-8000-000000000000"));
        AuthenticationResultType refreshed = deviceRefresh(clientId, tokens.refreshToken(), deviceKey);

        assertThat(message(unconfirmed)).isEqualTo("Invalid Refresh Token.");
        assertThat(message(without)).isEqualTo("Invalid Refresh Token.");
        assertThat(message(other)).isEqualTo("Invalid Refresh Token.");
        assertThat(claims(refreshed.accessToken()).getClaim("device_key")).isEqualTo(deviceKey);
        assertThat(refreshed.newDeviceMetadata()).isNull();
    }

    @Test
    void aClientWithASecretSignsInFromADeviceWithSecretHashes() {
        String poolId = trackingPool(false);
        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true).explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        String clientId = client.clientId();
        String hash = SrpClient.secretHash(client.clientSecret(), "alice", clientId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "alice",
                        "PASSWORD", PASSWORD, "SECRET_HASH", hash))).authenticationResult();
        SrpClient.DeviceSecret secret = confirm(tokens);
        String session = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "alice",
                        "PASSWORD", PASSWORD, "SECRET_HASH", hash, "DEVICE_KEY", secret.deviceKey()))).session();
        SrpClient srp = SrpClient.forDevice(secret.groupKey());

        var noHash = awsError("NotAuthorizedException", () -> cognito.adminRespondToAuthChallenge(b -> b
                .userPoolId(poolId).clientId(clientId).challengeName(ChallengeNameType.DEVICE_SRP_AUTH).session(session)
                .challengeResponses(Map.of("USERNAME", "alice", "DEVICE_KEY", secret.deviceKey(), "SRP_A",
                        srp.srpA()))));
        Map<String, String> challenge = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId)
                .clientId(clientId).challengeName(ChallengeNameType.DEVICE_SRP_AUTH).session(session)
                .challengeResponses(Map.of("USERNAME", "alice", "DEVICE_KEY", secret.deviceKey(), "SRP_A",
                        srp.srpA(), "SECRET_HASH", hash))).challengeParameters();
        Map<String, String> answer = new HashMap<>(srp.answer(challenge, secret.deviceKey(), "alice",
                secret.password(), SrpClient.now()));
        answer.put("DEVICE_KEY", secret.deviceKey());
        answer.put("SECRET_HASH", hash);
        AuthenticationResultType signedIn = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId)
                .clientId(clientId).challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER)
                .challengeResponses(answer)).authenticationResult();
        AuthenticationResultType refreshed = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN",
                        signedIn.refreshToken(), "DEVICE_KEY", secret.deviceKey(), "SECRET_HASH", hash)))
                .authenticationResult();

        assertThat(message(noHash)).isEqualTo("Client " + clientId
                + " is configured with secret but SECRET_HASH was not received");
        assertThat(claims(refreshed.accessToken()).getClaim("device_key")).isEqualTo(secret.deviceKey());
    }

    // --- the admin forms, lists -----------------------------------------------------------------------------

    @Test
    void devicesAreListedAPageAtATime() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        String one = confirm(tokens).deviceKey();
        String two = confirm(adminSignIn(poolId, clientId, "alice")).deviceKey();

        ListDevicesResponse first = cognito.listDevices(b -> b.accessToken(tokens.accessToken()).limit(1));
        ListDevicesResponse second = cognito.listDevices(b -> b.accessToken(tokens.accessToken()).limit(1)
                .paginationToken(first.paginationToken()));
        var admin = cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice").limit(1));
        var adminNext = cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice").limit(1)
                .paginationToken(admin.paginationToken()));

        assertThat(first.devices()).hasSize(1);
        assertThat(first.paginationToken()).isNotNull();
        assertThat(second.paginationToken()).isNull();
        assertThat(Stream.concat(first.devices().stream(), second.devices().stream())
                .map(DeviceType::deviceKey)).containsExactlyInAnyOrder(one, two);
        assertThat(admin.devices().get(0).deviceKey()).isEqualTo(first.devices().get(0).deviceKey());
        assertThat(adminNext.devices().get(0).deviceKey()).isEqualTo(second.devices().get(0).deviceKey());
        assertThat(adminNext.paginationToken()).isNull();
    }

    @Test
    void anAdministratorForgetsAndUpdatesDevices() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret one = confirm(adminSignIn(poolId, clientId, "alice"));
        SrpClient.DeviceSecret two = confirm(adminSignIn(poolId, clientId, "alice"));

        cognito.adminUpdateDeviceStatus(b -> b.userPoolId(poolId).username("alice").deviceKey(one.deviceKey())
                .deviceRememberedStatus(DeviceRememberedStatusType.NOT_REMEMBERED));
        cognito.adminForgetDevice(b -> b.userPoolId(poolId).username("alice").deviceKey(two.deviceKey()));
        AuthenticationResultType notRemembered = passwordVerifier(poolId, clientId, "alice", one.deviceKey())
                .authenticationResult();

        assertThat(asMap(adminDevice(poolId, "alice", one.deviceKey()).deviceAttributes()))
                .containsEntry("dev:device_remembered_status", "not_remembered");
        assertThat(cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice")).devices())
                .extracting(DeviceType::deviceKey).containsExactly(one.deviceKey());
        assertThat(notRemembered.accessToken()).as("no device challenge for a device not remembered").isNotBlank();
    }

    @Test
    void theAdminFormsAnswerUnknownUsersAndDevicesAsTheModelLetsThem() {
        String poolId = trackingPool(false);
        confirmedUser(poolId, "alice");
        String key = "us-east-1_00000000-0000-4000-8000-000000000000";

        var get = awsError("ResourceNotFoundException", () -> adminDevice(poolId, "nobody", key));
        var list = awsError("ResourceNotFoundException", () -> cognito.adminListDevices(b -> b.userPoolId(poolId)
                .username("nobody")));
        var forget = awsError("UserNotFoundException", () -> cognito.adminForgetDevice(b -> b.userPoolId(poolId)
                .username("nobody").deviceKey(key)));
        var update = awsError("UserNotFoundException", () -> cognito.adminUpdateDeviceStatus(b -> b
                .userPoolId(poolId).username("nobody").deviceKey(key)
                .deviceRememberedStatus(DeviceRememberedStatusType.REMEMBERED)));
        var device = awsError("ResourceNotFoundException", () -> cognito.adminForgetDevice(b -> b.userPoolId(poolId)
                .username("alice").deviceKey(key)));

        assertThat(message(get)).isEqualTo("User does not exist.");
        assertThat(message(list)).isEqualTo("User does not exist.");
        assertThat(message(forget)).isEqualTo("User does not exist.");
        assertThat(message(update)).isEqualTo("User does not exist.");
        assertThat(message(device)).isEqualTo("Device does not exist.");
    }

    @Test
    void aDeletedUserTakesItsDevicesAlong() {
        String poolId = trackingPool(false);
        String clientId = client(poolId);
        confirmedUser(poolId, "alice");
        SrpClient.DeviceSecret secret = confirm(adminSignIn(poolId, clientId, "alice"));

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("alice"));
        confirmedUser(poolId, "alice");

        assertThat(cognito.adminListDevices(b -> b.userPoolId(poolId).username("alice")).devices()).isEmpty();
        var e = awsError("ResourceNotFoundException", () -> passwordVerifier(poolId, clientId, "alice",
                secret.deviceKey()));
        assertThat(message(e)).isEqualTo("Device does not exist.");
    }
}
