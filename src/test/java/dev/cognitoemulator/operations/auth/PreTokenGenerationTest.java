package dev.cognitoemulator.operations.auth;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.testing.Functions;
import dev.cognitoemulator.testing.SrpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreTokenGenerationLambdaVersionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * PreTokenGeneration (developer guide, "Pre token generation Lambda trigger") with each event version: the event
 * of each {@code TokenGeneration_*} source, and what the answer changes in the tokens minted: V1_0's
 * {@code claimsOverrideDetails} (the ID token, the groups of both), V2_0's and V3_0's
 * {@code claimsAndScopeOverrideDetails} (both tokens, the access token's scopes), V3_0 alone for client_credentials;
 * the claims no function may change left as minted.
 */
class PreTokenGenerationTest extends CognitoTestSupport {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:tokens";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger DOMAINS = new AtomicInteger();

    private final Functions functions = new Functions();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return functions.register(builder, "tokens");
    }

    @BeforeEach
    void reset() {
        functions.reset();
    }

    private String pool(Consumer<LambdaConfigType.Builder> lambda) {
        return newPool(b -> b.poolName("tokens").lambdaConfig(lambda));
    }

    private String v1Pool() {
        return pool(l -> l.preTokenGeneration(ARN));
    }

    private String versionedPool(PreTokenGenerationLambdaVersionType version) {
        return pool(l -> l.preTokenGenerationConfig(c -> c.lambdaArn(ARN).lambdaVersion(version)));
    }

    /** The function's answer: {@code details} as the response's member {@code name}. */
    private void answer(String name, String details) {
        functions.set("tokens", event -> {
            try {
                ((ObjectNode) event.get("response")).set(name, JSON.readTree(details));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            return event;
        });
    }

    private static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private ObjectNode event(String source) {
        List<ObjectNode> events = functions.events(source);
        assertThat(events).as(source).hasSize(1);
        return events.get(0);
    }

    /** alice, with an email and in two groups, one with a role. */
    private void alice(String poolId) {
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"), attr("email_verified", "true"));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(1)
                .roleArn("arn:aws:iam::123456789012:role/admin"));
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("readers"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("alice").groupName("admins"));
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("alice").groupName("readers"));
    }

    // --- V1_0 -------------------------------------------------------------------------------------------------

    @Test
    void v1SeesTheUserAndItsGroupsAtAuthentication() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);

        cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD)).clientMetadata(Map.of("app",
                        "web")));

        ObjectNode event = event("TokenGeneration_Authentication");
        assertThat(event.path("version").asText()).isEqualTo("1");
        assertThat(event.path("userName").asText()).isEqualTo("alice");
        assertThat(event.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        JsonNode request = event.path("request");
        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("alice@example.com");
        assertThat(request.path("userAttributes").path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        JsonNode groups = request.path("groupConfiguration");
        assertThat(groups.path("groupsToOverride")).extracting(JsonNode::asText).containsExactlyInAnyOrder("admins",
                "readers");
        assertThat(groups.path("iamRolesToOverride")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:iam::123456789012:role/admin");
        assertThat(groups.path("preferredRole").asText()).isEqualTo("arn:aws:iam::123456789012:role/admin");
        assertThat(request.path("clientMetadata").path("app").asText()).isEqualTo("web");
        assertThat(request.has("scopes")).as("from V2_0 on").isFalse();
        assertThat(event.path("response").has("claimsOverrideDetails")).isTrue();
    }

    @Test
    void v1ChangesTheIdTokenAndTheGroupsOfBoth() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);
        answer("claimsOverrideDetails", """
                {"claimsToAddOrOverride": {"tier": "gold", "email": "other@example.com", "sub": "forged",
                  "aud": "forged", "token_use": "access", "cognito:username": "mallory", "name": "Alice"},
                 "claimsToSuppress": ["email_verified", "name", "iss"],
                 "groupOverrideDetails": {"groupsToOverride": ["vip"], "iamRolesToOverride":
                   ["arn:aws:iam::123456789012:role/vip"], "preferredRole": "arn:aws:iam::123456789012:role/vip"}}""");

        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");

        JWTClaimsSet id = claims(tokens.idToken());
        assertThat(id.getClaim("tier")).isEqualTo("gold");
        assertThat(id.getClaim("email")).isEqualTo("other@example.com");
        assertThat(id.getClaims()).doesNotContainKeys("email_verified", "name");
        assertThat(id.getSubject()).as("excluded").isNotEqualTo("forged");
        assertThat(id.getAudience()).containsExactly(clientId);
        assertThat(id.getClaim("token_use")).isEqualTo("id");
        assertThat(id.getClaim("cognito:username")).isEqualTo("alice");
        assertThat(id.getIssuer()).endsWith(poolId);
        assertThat(id.getClaim("cognito:groups")).isEqualTo(List.of("vip"));
        assertThat(id.getClaim("cognito:roles")).isEqualTo(List.of("arn:aws:iam::123456789012:role/vip"));
        assertThat(id.getClaim("cognito:preferred_role")).isEqualTo("arn:aws:iam::123456789012:role/vip");
        JWTClaimsSet access = claims(tokens.accessToken());
        assertThat(access.getClaims()).as("V1_0 changes the ID token only").doesNotContainKey("tier");
        assertThat(access.getClaim("cognito:groups")).isEqualTo(List.of("vip"));
    }

    @Test
    void anEmptyGroupOverrideLeavesNoGroupsAndNoneKeepsThem() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);

        answer("claimsOverrideDetails", "{\"groupOverrideDetails\": {}}");
        AuthenticationResultType none = adminSignIn(poolId, clientId, "alice");
        assertThat(claims(none.idToken()).getClaims()).doesNotContainKeys("cognito:groups", "cognito:roles",
                "cognito:preferred_role");
        assertThat(claims(none.accessToken()).getClaims()).doesNotContainKey("cognito:groups");

        answer("claimsOverrideDetails", "{\"claimsToAddOrOverride\": {\"tier\": \"gold\"}}");
        AuthenticationResultType kept = adminSignIn(poolId, clientId, "alice");
        assertThat(claims(kept.idToken()).getStringListClaim("cognito:groups")).containsExactlyInAnyOrder("admins",
                "readers");
    }

    @Test
    void aClaimBothSuppressedAndOverriddenIsSuppressed() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);
        answer("claimsOverrideDetails", """
                {"claimsToAddOrOverride": {"tier": "gold"}, "claimsToSuppress": ["tier"]}""");

        assertThat(claims(adminSignIn(poolId, clientId, "alice").idToken()).getClaims()).doesNotContainKey("tier");
    }

    @Test
    void v1TakesStringsOnly() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);
        answer("claimsOverrideDetails", "{\"claimsToAddOrOverride\": {\"tier\": {\"level\": 1}}}");

        assertThat(message(awsError("InvalidLambdaResponseException", () -> adminSignIn(poolId, clientId, "alice"))))
                .isEqualTo("Unrecognizable lambda output");
    }

    // --- V2_0 -------------------------------------------------------------------------------------------------

    @Test
    void v2ChangesBothTokensAndTheScopes() throws Exception {
        String poolId = versionedPool(PreTokenGenerationLambdaVersionType.V2_0);
        String clientId = passwordClient(poolId);
        alice(poolId);
        answer("claimsAndScopeOverrideDetails", """
                {"idTokenGeneration": {"claimsToAddOrOverride": {"profile": {"plan": "gold", "seats": 3},
                   "roles": ["a", "b"]}, "claimsToSuppress": ["email"]},
                 "accessTokenGeneration": {"claimsToAddOrOverride": {"tenant": "acme", "client_id": "forged",
                   "username": "mallory", "scope": "forged"}, "claimsToSuppress": ["auth_time"],
                   "scopesToAdd": ["orders/read"], "scopesToSuppress": ["aws.cognito.signin.user.admin"]}}""");

        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");

        JWTClaimsSet id = claims(tokens.idToken());
        assertThat(id.getJSONObjectClaim("profile")).isEqualTo(Map.of("plan", "gold", "seats", 3L));
        assertThat(id.getStringListClaim("roles")).containsExactly("a", "b");
        assertThat(id.getClaims()).doesNotContainKey("email");
        assertThat(id.getClaims()).doesNotContainKey("tenant");
        JWTClaimsSet access = claims(tokens.accessToken());
        assertThat(access.getClaim("tenant")).isEqualTo("acme");
        assertThat(access.getClaim("client_id")).isEqualTo(clientId);
        assertThat(access.getClaim("username")).isEqualTo("alice");
        assertThat(access.getClaim("auth_time")).as("excluded").isNotNull();
        assertThat(access.getStringClaim("scope")).isEqualTo("orders/read");

        ObjectNode event = event("TokenGeneration_Authentication");
        assertThat(event.path("version").asText()).isEqualTo("2");
        assertThat(event.path("request").path("scopes")).extracting(JsonNode::asText)
                .containsExactly("aws.cognito.signin.user.admin");
    }

    @Test
    void v2KeepsTheVerifiedAndAddressClaimsScalar() throws Exception {
        String poolId = versionedPool(PreTokenGenerationLambdaVersionType.V2_0);
        String clientId = passwordClient(poolId);
        alice(poolId);
        answer("claimsAndScopeOverrideDetails", """
                {"idTokenGeneration": {"claimsToAddOrOverride": {"email_verified": {"at": 1}}}}""");

        assertThat(message(awsError("InvalidLambdaResponseException", () -> adminSignIn(poolId, clientId, "alice"))))
                .isEqualTo("Unrecognizable lambda output");
    }

    // --- the sources ------------------------------------------------------------------------------------------

    @Test
    void aRefreshIsTokenGenerationRefreshTokens() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);
        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        answer("claimsOverrideDetails", "{\"claimsToAddOrOverride\": {\"refreshed\": \"yes\"}}");

        AuthenticationResultType refreshed = refresh(poolId, clientId, tokens.refreshToken());

        assertThat(claims(refreshed.idToken()).getClaim("refreshed")).isEqualTo("yes");
        assertThat(event("TokenGeneration_RefreshTokens").path("userName").asText()).isEqualTo("alice");
        assertThat(cognito.getTokensFromRefreshToken(b -> b.clientId(clientId).refreshToken(tokens.refreshToken()))
                .authenticationResult().idToken()).satisfies(jwt -> assertThat(claims(jwt).getClaim("refreshed"))
                .isEqualTo("yes"));
    }

    @Test
    void aNewPasswordIsTokenGenerationNewPasswordChallenge() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        forceChangeUser(poolId, "bob");

        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "bob", "PASSWORD",
                        PASSWORD)));
        cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session()).challengeResponses(Map.of("USERNAME", "bob", "NEW_PASSWORD",
                        "N3w-Passw0rd!")));

        assertThat(event("TokenGeneration_NewPasswordChallenge").path("request").path("userAttributes")
                .path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(functions.events("TokenGeneration_Authentication")).isEmpty();
    }

    @Test
    void aRememberedDeviceIsTokenGenerationAuthenticateDevice() throws Exception {
        String poolId = newPool(b -> b.poolName("devices").lambdaConfig(l -> l.preTokenGeneration(ARN))
                .deviceConfiguration(d -> d.challengeRequiredOnNewDevice(false)
                        .deviceOnlyRememberedOnUserPrompt(false)));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        AuthenticationResultType first = adminSignIn(poolId, clientId, "alice");
        SrpClient.DeviceSecret device = SrpClient.deviceSecret(first.newDeviceMetadata().deviceKey(),
                first.newDeviceMetadata().deviceGroupKey());
        cognito.confirmDevice(b -> b.accessToken(first.accessToken()).deviceKey(device.deviceKey())
                .deviceSecretVerifierConfig(c -> c.passwordVerifier(device.verifier()).salt(device.salt())));

        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "alice", "PASSWORD",
                        PASSWORD, "DEVICE_KEY", device.deviceKey())));
        SrpClient srp = SrpClient.forDevice(device.groupKey());
        RespondToAuthChallengeResponse verifier = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_SRP_AUTH).session(challenge.session()).challengeResponses(
                        Map.of("USERNAME", "alice", "DEVICE_KEY", device.deviceKey(), "SRP_A", srp.srpA())));
        Map<String, String> proof = new HashMap<>(srp.answer(verifier.challengeParameters(), device.deviceKey(),
                verifier.challengeParameters().get("USERNAME"), device.password(), SrpClient.now()));
        proof.put("DEVICE_KEY", device.deviceKey());
        cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(proof));

        assertThat(event("TokenGeneration_AuthenticateDevice").path("userName").asText()).isEqualTo("alice");
    }

    // --- the function's failures ------------------------------------------------------------------------------

    @Test
    void aFunctionThatThrowsRefusesTheSignIn() throws Exception {
        String poolId = v1Pool();
        String clientId = passwordClient(poolId);
        alice(poolId);
        functions.set("tokens", event -> {
            throw new IllegalStateException("no tokens for you");
        });

        assertThat(message(awsError("UserLambdaValidationException", () -> adminSignIn(poolId, clientId, "alice"))))
                .isEqualTo("PreTokenGeneration failed with error no tokens for you.");
    }

    @Test
    void detailsOfTheWrongShapeAreUnrecognizable() throws Exception {
        String poolId = versionedPool(PreTokenGenerationLambdaVersionType.V2_0);
        String clientId = passwordClient(poolId);
        alice(poolId);

        for (String details : new String[] {"[]", "{\"accessTokenGeneration\": {\"scopesToAdd\": \"a b\"}}",
                "{\"idTokenGeneration\": {\"claimsToSuppress\": [1]}}", "{\"groupOverrideDetails\": 3}"}) {
            answer("claimsAndScopeOverrideDetails", details);
            assertThat(message(awsError("InvalidLambdaResponseException",
                    () -> adminSignIn(poolId, clientId, "alice")))).as(details).isEqualTo("Unrecognizable lambda output");
        }
    }

    // --- client_credentials -----------------------------------------------------------------------------------

    /** A pool with a domain, a resource server {@code orders} (read, write) and a machine client for both. */
    private UserPoolClientType machine(String poolId) {
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("tokens-" + DOMAINS.incrementAndGet()));
        cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("orders").name("Orders")
                .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("read").build(),
                        ResourceServerScopeType.builder().scopeName("write").scopeDescription("write").build()));
        return newClient(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("orders/read",
                        "orders/write").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    }

    private JsonNode clientCredentials(UserPoolClientType client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("orders/read", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Test
    void v3ChangesClientCredentialsTokens() throws Exception {
        String poolId = versionedPool(PreTokenGenerationLambdaVersionType.V3_0);
        UserPoolClientType client = machine(poolId);
        answer("claimsAndScopeOverrideDetails", """
                {"accessTokenGeneration": {"claimsToAddOrOverride": {"tenant": "acme", "sub": "forged"},
                   "scopesToAdd": ["orders/write"]}}""");

        JWTClaimsSet access = claims(clientCredentials(client).path("access_token").asText());

        assertThat(access.getClaim("tenant")).isEqualTo("acme");
        assertThat(access.getSubject()).isEqualTo(client.clientId());
        assertThat(access.getStringClaim("scope")).isEqualTo("orders/read orders/write");
        ObjectNode event = event("TokenGeneration_ClientCredentials");
        assertThat(event.path("version").asText()).isEqualTo("3");
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(client.clientId());
        assertThat(event.path("request").path("scopes")).extracting(JsonNode::asText).containsExactly("orders/read");
    }

    @Test
    void v1AndV2AreNotCalledForClientCredentials() throws Exception {
        for (String poolId : List.of(v1Pool(), versionedPool(PreTokenGenerationLambdaVersionType.V2_0))) {
            UserPoolClientType client = machine(poolId);
            assertThat(clientCredentials(client).path("access_token").asText()).isNotEmpty();
        }
        assertThat(functions.events("TokenGeneration_ClientCredentials")).isEmpty();
    }
}
