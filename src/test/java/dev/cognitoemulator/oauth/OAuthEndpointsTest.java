package dev.cognitoemulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;

/**
 * The OAuth 2.0 endpoints through real HTTP (JDK HttpClient): /oauth2/token, /oauth2/userInfo, /oauth2/revoke and
 * the discovery document; statuses, bodies and headers asserted, each text with its source in the main code.
 */
class OAuthEndpointsTest extends CognitoTestSupport {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = new TestClock();
    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.seeded(11));
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).store(store);
    }

    // --- fixtures ----------------------------------------------------------------------------------------

    /** A pool with a domain and a resource server {@code orders} with scopes read and write. */
    private String oauthPool() {
        String poolId = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("oauth-" + NAMES.incrementAndGet()));
        cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("orders").name("Orders")
                .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("read").build(),
                        ResourceServerScopeType.builder().scopeName("write").scopeDescription("write").build()));
        return poolId;
    }

    /** A confidential client allowed client_credentials for both order scopes. */
    private UserPoolClientType machineClient(String poolId) {
        return newClient(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes("orders/read", "orders/write"));
    }

    private record Answer(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError(body, e);
            }
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst()
                    .orElse(null);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().map(), r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return emulator.endpoint().resolve(path);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private Answer post(String path, String authorization, Map<String, String> parameters) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    private Answer userInfo(String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/oauth2/userInfo")).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    private static void assertRefused(Answer answer, int status, String error) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).isEqualTo("{\"error\":\"" + error + "\"}");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
    }

    private JWTClaimsSet verified(String poolId, String jwt) throws Exception {
        // A relying party's verification: the pool's JWKS over HTTP, RS256, exp checked.
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(uri("/" + poolId + "/.well-known/jwks.json").toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        return processor.process(jwt, null);
    }

    // --- client_credentials --------------------------------------------------------------------------------

    @Test
    void clientCredentialsWithBasicAuthAnswersAnAccessTokenWithAllTheClientsScopes() throws Exception {
        String poolId = oauthPool();
        UserPoolClientType client = machineClient(poolId);

        Answer a = post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "client_credentials"));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        assertThat(a.header("Pragma")).isEqualTo("no-cache");
        JsonNode body = a.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("access_token", "expires_in", "token_type");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        JWTClaimsSet claims = verified(poolId, body.get("access_token").asText());
        assertThat(claims.getClaims().keySet()).containsExactly("sub", "token_use", "scope", "auth_time", "iss",
                "exp", "iat", "version", "jti", "client_id");
        assertThat(claims.getSubject()).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders/read orders/write");
        assertThat(claims.getLongClaim("version")).isEqualTo(2L);
        assertThat(claims.getIssuer()).isEqualTo(("http://localhost:" + emulator.port()) + "/" + poolId);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
    }

    @Test
    void clientCredentialsInTheBodyWithAScopeSubsetAndTheSecondSecret() throws Exception {
        String poolId = oauthPool();
        UserPoolClientType client = machineClient(poolId);
        String second = cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(client.clientId()))
                .clientSecretDescriptor().clientSecretValue();

        Answer a = post("/oauth2/token", null, params("grant_type", "client_credentials", "client_id",
                client.clientId(), "client_secret", second, "scope", "orders/read"));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(verified(poolId, a.json().get("access_token").asText()).getStringClaim("scope"))
                .isEqualTo("orders/read");
    }

    @Test
    void clientCredentialsRefusesScopesTheClientHasNot() {
        String poolId = oauthPool();
        UserPoolClientType client = machineClient(poolId);
        String auth = basic(client.clientId(), client.clientSecret());

        assertRefused(post("/oauth2/token", auth, params("grant_type", "client_credentials", "scope",
                "orders/delete")), 400, "invalid_scope");
        assertRefused(post("/oauth2/token", auth, params("grant_type", "client_credentials", "scope",
                "orders/read openid")), 400, "invalid_scope");
    }

    @Test
    void clientCredentialsNeedsTheFlowAllowed() {
        String poolId = oauthPool();
        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true));

        assertRefused(post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "client_credentials")), 400, "unauthorized_client");
    }

    @Test
    void badClientCredentialsAreInvalidClient() {
        String poolId = oauthPool();
        UserPoolClientType client = machineClient(poolId);

        assertRefused(post("/oauth2/token", basic(client.clientId(), "wrong"),
                params("grant_type", "client_credentials")), 400, "invalid_client");
        assertRefused(post("/oauth2/token", basic("nosuchclient", "wrong"),
                params("grant_type", "client_credentials")), 400, "invalid_client");
        assertRefused(post("/oauth2/token", null, params("grant_type", "client_credentials", "client_id",
                client.clientId())), 400, "invalid_client");
        assertRefused(post("/oauth2/token", "Basic %%%", params("grant_type", "client_credentials")), 400,
                "invalid_client");
        assertRefused(post("/oauth2/token", null, params("grant_type", "client_credentials")), 400,
                "invalid_client");
        // Two ways of authenticating at once (RFC 6749 section 2.3).
        assertRefused(post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "client_credentials", "client_secret", client.clientSecret())), 400,
                "invalid_request");
        // The right credentials still work after all of that.
        assertThat(post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "client_credentials")).status()).isEqualTo(200);
    }

    @Test
    void malformedTokenRequestsAreRefused() {
        String poolId = oauthPool();
        UserPoolClientType client = machineClient(poolId);
        String auth = basic(client.clientId(), client.clientSecret());

        assertRefused(post("/oauth2/token", auth, params()), 400, "invalid_request");
        assertRefused(post("/oauth2/token", auth, params("grant_type", "password")), 400, "unsupported_grant_type");
        assertRefused(send(HttpRequest.newBuilder(uri("/oauth2/token")).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build()),
                400, "invalid_request");
        assertRefused(send(HttpRequest.newBuilder(uri("/oauth2/token")).header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&grant_type=refresh_token"))
                .build()), 400, "invalid_request");
        Answer get = send(HttpRequest.newBuilder(uri("/oauth2/token")).GET().build());
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aPoolWithoutADomainServesNoOAuthEndpoints() {
        String poolId = newPool();
        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true));

        Answer a = post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "client_credentials"));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(a.json().get("error_description").asText()).isEqualTo("The user pool " + poolId
                + " has no domain: Cognito serves its OAuth 2.0 endpoints at a domain (CreateUserPoolDomain).");
    }

    @Test
    void authorizationCodesAreUnknownUntilTheAuthorizationEndpointExists() {
        String poolId = oauthPool();
        UserPoolClientType client = newClient(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                .callbackURLs("https://app.example.com/callback"));
        UserPoolClientType machine = machineClient(poolId);

        assertRefused(post("/oauth2/token", null, params("grant_type", "authorization_code", "client_id",
                client.clientId(), "code", UUID.randomUUID().toString(), "redirect_uri",
                "https://app.example.com/callback")), 400, "invalid_grant");
        assertRefused(post("/oauth2/token", null, params("grant_type", "authorization_code", "client_id",
                client.clientId())), 400, "invalid_request");
        assertRefused(post("/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                params("grant_type", "authorization_code", "code", "abc")), 400, "unauthorized_client");
    }

    // --- refresh_token -------------------------------------------------------------------------------------

    @Test
    void refreshTokenOfAnApiSignInAnswersIdAndAccessTokens() throws Exception {
        String poolId = oauthPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));
        String refreshToken = adminSignIn(poolId, clientId, "alice").refreshToken();

        Answer a = post("/oauth2/token", null, params("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = a.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("id_token", "access_token", "expires_in",
                "token_type");
        JWTClaimsSet id = verified(poolId, body.get("id_token").asText());
        assertThat(id.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(id.getAudience()).containsExactly(clientId);
        String access = body.get("access_token").asText();
        assertThat(verified(poolId, access).getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
        assertThat(cognito.getUser(b -> b.accessToken(access)).username()).isEqualTo("alice");

        assertRefused(post("/oauth2/token", null, params("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", "not-a-refresh-token")), 400, "invalid_grant");
        assertRefused(post("/oauth2/token", null, params("grant_type", "refresh_token", "client_id", clientId)),
                400, "invalid_request");
    }

    @Test
    void refreshTokenOfAConfidentialClientWithBasicAuthAndRotation() {
        String poolId = oauthPool();
        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true)
                .explicitAuthFlows(software.amazon.awssdk.services.cognitoidentityprovider.model
                        .ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, software.amazon.awssdk.services
                        .cognitoidentityprovider.model.ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .refreshTokenRotation(r -> r.feature("ENABLED").retryGracePeriodSeconds(0)));
        confirmedUser(poolId, "bob");
        String refreshToken = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(client.clientId())
                .authFlow("ADMIN_USER_PASSWORD_AUTH").authParameters(Map.of("USERNAME", "bob", "PASSWORD", PASSWORD,
                        "SECRET_HASH", secretHash(client, "bob")))).authenticationResult().refreshToken();

        Answer a = post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String rotated = a.json().get("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(refreshToken);
        assertRefused(post("/oauth2/token", basic(client.clientId(), client.clientSecret()),
                params("grant_type", "refresh_token", "refresh_token", refreshToken)), 400, "invalid_grant");
        assertRefused(post("/oauth2/token", basic(client.clientId(), "wrong"),
                params("grant_type", "refresh_token", "refresh_token", rotated)), 400, "invalid_client");
    }

    private static String secretHash(UserPoolClientType client, String username) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + client.clientId())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    // --- userInfo ------------------------------------------------------------------------------------------

    /**
     * A refresh token with OIDC scopes, as an authorization-code sign-in would leave it (the emulator has no
     * authorization endpoint yet, so the test puts the grant in the store itself); answers an access token from
     * the token endpoint.
     */
    private String oidcAccessToken(String poolId, String clientId, String sub, String... scopes) {
        String token = "rt-" + UUID.randomUUID();
        Instant now = clock.instant();
        store.write(poolId, pool -> {
            pool.putGrant(new RefreshGrant(token, clientId, sub, now, UUID.randomUUID().toString(),
                    now.plus(Duration.ofDays(30)), List.of(scopes), false, null, null, null));
            return null;
        });
        Answer a = post("/oauth2/token", null, params("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", token));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("access_token").asText();
    }

    private String sub(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    @Test
    void userInfoAnswersTheAttributesOfTheTokensScopes() {
        String poolId = oauthPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "carol", attr("email", "carol@example.com"),
                attr("email_verified", "true"), attr("given_name", "Carol"), attr("phone_number", "+15555550100"));
        String sub = sub(poolId, "carol");

        Answer all = userInfo("Bearer " + oidcAccessToken(poolId, clientId, sub, "openid"));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(all.json().get("sub").asText()).isEqualTo(sub);
        assertThat(all.json().get("username").asText()).isEqualTo("carol");
        assertThat(all.json().get("given_name").asText()).isEqualTo("Carol");
        assertThat(all.json().get("phone_number").asText()).isEqualTo("+15555550100");

        Answer email = userInfo("Bearer " + oidcAccessToken(poolId, clientId, sub, "openid", "email"));
        assertThat(email.status()).isEqualTo(200);
        assertThat(email.json().fieldNames()).toIterable().containsExactlyInAnyOrder("sub", "email",
                "email_verified", "username");
        assertThat(email.json().get("email").asText()).isEqualTo("carol@example.com");

        Answer post = send(HttpRequest.newBuilder(uri("/oauth2/userInfo"))
                .header("Authorization", "Bearer " + oidcAccessToken(poolId, clientId, sub, "openid", "profile"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json().fieldNames()).toIterable().containsExactlyInAnyOrder("sub", "given_name",
                "username");
    }

    private static void assertBearerRefused(Answer a, int status, String error, String description) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("WWW-Authenticate")).isEqualTo("Bearer error=\"" + error + "\", error_description=\""
                + description + "\"");
        assertThat(a.json().get("error").asText()).isEqualTo(error);
        assertThat(a.json().get("error_description").asText()).isEqualTo(description);
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void userInfoRefusesApiTokensMissingAndBadTokens() {
        String poolId = oauthPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "dave");
        UserPoolClientType machine = machineClient(poolId);
        String apiToken = adminSignIn(poolId, clientId, "dave").accessToken();
        String machineToken = post("/oauth2/token", basic(machine.clientId(), machine.clientSecret()),
                params("grant_type", "client_credentials")).json().get("access_token").asText();

        assertBearerRefused(userInfo("Bearer " + apiToken), 401, "invalid_token", UserInfoEndpoint.NO_OPENID);
        assertBearerRefused(userInfo("Bearer " + machineToken), 401, "invalid_token", UserInfoEndpoint.NO_OPENID);
        assertBearerRefused(userInfo(null), 400, "invalid_request", UserInfoEndpoint.BAD_REQUEST);
        assertBearerRefused(userInfo("Basic abc"), 400, "invalid_request", UserInfoEndpoint.BAD_REQUEST);
        assertBearerRefused(userInfo("Bearer not.a.jwt"), 401, "invalid_token", UserInfoEndpoint.INVALID_TOKEN);
        String[] parts = apiToken.split("\\.");
        assertBearerRefused(userInfo("Bearer " + parts[0] + "." + parts[1] + ".AAAA"), 401, "invalid_token",
                UserInfoEndpoint.INVALID_TOKEN);
    }

    @Test
    void userInfoRefusesExpiredAndRevokedTokens() {
        String poolId = oauthPool();
        String clientId = passwordClient(poolId, b -> b.accessTokenValidity(5).enableTokenRevocation(true)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES)));
        confirmedUser(poolId, "erin");
        String sub = sub(poolId, "erin");
        String token = oidcAccessToken(poolId, clientId, sub, "openid");
        assertThat(userInfo("Bearer " + token).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(6));
        assertBearerRefused(userInfo("Bearer " + token), 401, "invalid_token", UserInfoEndpoint.INVALID_TOKEN);

        String fresh = oidcAccessToken(poolId, clientId, sub, "openid");
        cognito.adminUserGlobalSignOut(b -> b.userPoolId(poolId).username("erin"));
        assertBearerRefused(userInfo("Bearer " + fresh), 401, "invalid_token", UserInfoEndpoint.INVALID_TOKEN);
    }

    // --- revoke --------------------------------------------------------------------------------------------

    @Test
    void revokeEndsTheRefreshTokenAndItsAccessTokens() {
        String poolId = oauthPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "frank");
        var tokens = adminSignIn(poolId, clientId, "frank");

        Answer a = post("/oauth2/revoke", null, params("token", tokens.refreshToken(), "client_id", clientId));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).isEmpty();
        assertThat(a.header("Cache-Control")).isEqualTo("no-store");
        assertRefused(post("/oauth2/token", null, params("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.refreshToken())), 400, "invalid_grant");
        assertThat(message(awsError("NotAuthorizedException",
                () -> cognito.getUser(b -> b.accessToken(tokens.accessToken())))))
                .isEqualTo("Access Token has been revoked");
        // Again, and an unknown token: 200 (RFC 7009 section 2.2).
        assertThat(post("/oauth2/revoke", null, params("token", tokens.refreshToken(), "client_id", clientId))
                .status()).isEqualTo(200);
        assertThat(post("/oauth2/revoke", null, params("token", "unknown", "client_id", clientId)).status())
                .isEqualTo(200);
    }

    @Test
    void revokeRefusalsAsTheGuideDocumentsThem() {
        String poolId = oauthPool();
        UserPoolClientType confidential = newClient(poolId, b -> b.generateSecret(true)
                .explicitAuthFlows(software.amazon.awssdk.services.cognitoidentityprovider.model
                        .ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, software.amazon.awssdk.services
                        .cognitoidentityprovider.model.ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        String clientId = passwordClient(poolId);
        String noRevocation = passwordClient(poolId, b -> b.enableTokenRevocation(false));
        confirmedUser(poolId, "gina");
        var tokens = adminSignIn(poolId, clientId, "gina");

        assertRefused(post("/oauth2/revoke", null, params("client_id", clientId)), 400, "invalid_request");
        assertRefused(post("/oauth2/revoke", null, params("token", tokens.refreshToken(), "client_id",
                noRevocation)), 400, "invalid_request");
        assertRefused(post("/oauth2/revoke", null, params("token", tokens.accessToken(), "client_id", clientId)),
                400, "unsupported_token_type");
        assertRefused(post("/oauth2/revoke", basic(confidential.clientId(), "wrong"),
                params("token", tokens.refreshToken())), 401, "invalid_client");
        assertRefused(post("/oauth2/revoke", null, params("token", tokens.refreshToken(), "client_id",
                confidential.clientId())), 401, "invalid_client");
        assertRefused(post("/oauth2/revoke", null, params("token", tokens.refreshToken(), "client_id",
                "nosuchclient")), 401, "invalid_client");
        // None of them revoked anything.
        assertThat(refresh(poolId, clientId, tokens.refreshToken()).accessToken()).isNotNull();
    }

    // --- discovery -----------------------------------------------------------------------------------------

    @Test
    void discoveryNamesTheEndpointsOfAPoolWithADomain() {
        String poolId = oauthPool();
        String bare = newPool();
        String base = ("http://localhost:" + emulator.port());

        JsonNode doc = send(HttpRequest.newBuilder(uri("/" + poolId + "/.well-known/openid-configuration")).GET()
                .build()).json();
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(base + "/oauth2/token");
        assertThat(doc.get("userinfo_endpoint").asText()).isEqualTo(base + "/oauth2/userInfo");
        assertThat(doc.get("revocation_endpoint").asText()).isEqualTo(base + "/oauth2/revoke");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(base + "/oauth2/authorize");

        JsonNode bareDoc = send(HttpRequest.newBuilder(uri("/" + bare + "/.well-known/openid-configuration")).GET()
                .build()).json();
        assertThat(bareDoc.has("token_endpoint")).isFalse();
        assertThat(bareDoc.has("authorization_endpoint")).isFalse();
        assertThat(bareDoc.get("issuer").asText()).isEqualTo(base + "/" + bare);
    }

    /** Keeps SignedJWT imported for readers who decode without verifying. */
    @SuppressWarnings("unused")
    private static JWTClaimsSet unverified(String jwt) throws java.text.ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }
}
