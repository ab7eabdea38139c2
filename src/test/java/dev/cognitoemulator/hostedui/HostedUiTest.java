package dev.cognitoemulator.hostedui;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The authorization endpoint, the hosted UI's pages and the authorization code grant through real HTTP (JDK
 * HttpClient with a cookie jar, redirects asserted one by one): every outcome and refusal, CSRF, single sign-on,
 * logout, codes spent and expired on the injected clock, PKCE.
 */
class HostedUiTest extends AccountsTestSupport {

    static final String CALLBACK = "https://app.example.com/callback";
    static final String LOGOUT = "https://app.example.com/signed-out";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final TestClock clock = new TestClock();
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String PRE_TOKEN_GENERATION = "arn:aws:lambda:us-east-1:123456789012:function:HostedTokens";
    /** The events PreTokenGeneration received. */
    private final List<JsonNode> tokenEvents = new CopyOnWriteArrayList<>();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        // SigV4 off: the tests move the emulator's clock past the SDK's signing window.
        return builder.clock(clock).authMode(AuthMode.OFF).lambda(PRE_TOKEN_GENERATION, event -> {
            tokenEvents.add(event.deepCopy());
            ((ObjectNode) event.get("response")).set("claimsAndScopeOverrideDetails", JSON.createObjectNode()
                    .<ObjectNode>set("idTokenGeneration", JSON.createObjectNode().set("claimsToAddOrOverride",
                            JSON.createObjectNode().put("tenant", "acme")))
                    .set("accessTokenGeneration", JSON.createObjectNode().set("claimsToAddOrOverride",
                            JSON.createObjectNode().put("plan", "gold"))));
            return event;
        });
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private String hostedPool() {
        return hostedPool(b -> { });
    }

    /** A pool with a domain (and SES e-mail, so that MFA and codes can be sent). */
    private String hostedPool(Consumer<CreateUserPoolRequest.Builder> settings) {
        String poolId = newPool(b -> settings.accept(b.emailConfiguration(e -> e
                .emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com").from("auth@example.com"))
                .smsConfiguration(s -> s.snsCallerArn("arn:aws:iam::123456789012:role/sms").externalId("x"))));
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("hosted-" + NAMES.incrementAndGet()));
        return poolId;
    }

    /** A public web client: code and implicit flows, openid email profile, the callback and logout URLs. */
    private String webClient(String poolId) {
        return webClient(poolId, b -> { }).clientId();
    }

    private UserPoolClientType webClient(String poolId, Consumer<CreateUserPoolClientRequest.Builder> more) {
        return newClient(poolId, b -> more.accept(b.allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT)
                .allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK).logoutURLs(LOGOUT).supportedIdentityProviders("COGNITO")));
    }

    private WebClient browser() {
        return new WebClient(emulator.endpoint());
    }

    private static String query(String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], pairs[i + 1]);
        }
        return WebClient.encode(q);
    }

    private static String authorize(String clientId, String... more) {
        String base = query("response_type", "code", "client_id", clientId, "redirect_uri", CALLBACK, "state",
                "st-1");
        return "/oauth2/authorize?" + base + (more.length == 0 ? "" : "&" + query(more));
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Authorize, then the login page, then the credentials: the page the post answers. */
    private WebClient.Page login(WebClient browser, String authorizeUrl, String username, String password) {
        WebClient.Page toLogin = browser.get(authorizeUrl);
        assertThat(toLogin.status()).as(toLogin.body()).isEqualTo(302);
        assertThat(toLogin.location()).startsWith("/login?");
        WebClient.Page form = browser.get(toLogin.location());
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        return browser.submit(form, "username", username, "password", password);
    }

    private static String codeOf(WebClient.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        assertThat(redirect.location()).startsWith(CALLBACK + "?");
        Map<String, String> q = WebClient.parameters(redirect.location(), false);
        assertThat(q).containsEntry("state", "st-1").containsKey("code");
        return q.get("code");
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer token(Map<String, String> form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(emulator.endpoint().resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(form)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), JSON.readTree(r.body()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Answer redeem(String clientId, String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        form.put("redirect_uri", CALLBACK);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return token(form, null);
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    // --- the authorization code grant through the login page -----------------------------------------------------

    @Test
    void codeWithPkceThroughTheLoginPageGivesTokensWithNonceAtHashAndScopes() throws Exception {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));
        WebClient browser = browser();

        WebClient.Page done = login(browser, authorize(clientId, "scope", "openid email", "nonce", "n-42",
                "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"), "alice", PASSWORD);
        String code = codeOf(done);
        assertThat(code).matches(dev.cognitoemulator.CognitoTestSupport.Attributes.UUID);
        assertThat(done.setCookies()).anyMatch(c -> c.startsWith("cognito=") && c.contains("HttpOnly")
                && c.contains("Max-Age=3600") && c.contains("SameSite=Lax"));

        Answer tokens = redeem(clientId, code, VERIFIER);
        assertThat(tokens.status()).as(tokens.json().toString()).isEqualTo(200);
        assertThat(tokens.json().fieldNames()).toIterable().containsExactly("id_token", "access_token",
                "refresh_token", "expires_in", "token_type");
        JWTClaimsSet access = claims(tokens.json().get("access_token").asText());
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email");
        assertThat(access.getStringClaim("username")).isEqualTo("alice");
        JWTClaimsSet id = claims(tokens.json().get("id_token").asText());
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-42");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokens.json().get("access_token").asText()
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(id.getStringClaim("at_hash")).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(digest, 16)));
        assertThat(id.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(id.getAudience()).containsExactly(clientId);

        // The refresh token is the grant's: a refresh keeps its scopes.
        Answer refreshed = token(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token",
                tokens.json().get("refresh_token").asText()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(claims(refreshed.json().get("access_token").asText()).getStringClaim("scope"))
                .isEqualTo("openid email");
    }

    @Test
    void theLoginPagesTokensGoThroughPreTokenGenerationAsHostedAuth() throws Exception {
        // Developer guide, "Customizing user pool workflows with Lambda triggers": TokenGeneration_HostedAuth,
        // "Amazon Cognito authenticates the user from your managed login sign-in page".
        String poolId = hostedPool(b -> b.lambdaConfig(l -> l.preTokenGenerationConfig(c -> c
                .lambdaArn(PRE_TOKEN_GENERATION).lambdaVersion("V2_0"))));
        String clientId = webClient(poolId);
        confirmedUser(poolId, "hana", attr("email", "hana@example.com"));
        tokenEvents.clear();

        Answer tokens = redeem(clientId, codeOf(login(browser(), authorize(clientId, "scope", "openid email"),
                "hana", PASSWORD)), null);

        assertThat(tokens.status()).as(tokens.json().toString()).isEqualTo(200);
        assertThat(tokenEvents).hasSize(1);
        JsonNode event = tokenEvents.get(0);
        assertThat(event.get("triggerSource").asText()).isEqualTo("TokenGeneration_HostedAuth");
        assertThat(event.get("userName").asText()).isEqualTo("hana");
        assertThat(event.get("callerContext").get("clientId").asText()).isEqualTo(clientId);
        assertThat(event.get("request").get("userAttributes").get("email").asText()).isEqualTo("hana@example.com");
        assertThat(event.get("request").get("scopes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openid", "email");
        assertThat(claims(tokens.json().get("id_token").asText()).getStringClaim("tenant")).isEqualTo("acme");
        JWTClaimsSet access = claims(tokens.json().get("access_token").asText());
        assertThat(access.getStringClaim("plan")).isEqualTo("gold");
        assertThat(access.getClaim("tenant")).isNull();
    }

    @Test
    void aCodeWorksOnceAndForFiveMinutes() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "bob");
        WebClient browser = browser();
        String first = codeOf(login(browser, authorize(clientId), "bob", PASSWORD));
        assertThat(redeem(clientId, first, null).status()).isEqualTo(200);
        Answer again = redeem(clientId, first, null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_grant");

        String second = codeOf(browser.get(authorize(clientId)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(redeem(clientId, second, null).json().get("error").asText()).isEqualTo("invalid_grant");

        String third = codeOf(browser.get(authorize(clientId)));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(redeem(clientId, third, null).status()).isEqualTo(200);
    }

    @Test
    void pkceAndRedirectUriAndClientMustMatchAtTheTokenEndpoint() throws Exception {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        String other = webClient(poolId);
        confirmedUser(poolId, "carol");
        WebClient browser = browser();
        String pkce = authorize(clientId, "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256");
        String code = codeOf(login(browser, pkce, "carol", PASSWORD));
        assertThat(redeem(clientId, code, "wrong-verifier-wrong-verifier-wrong-verifier-1").json().get("error")
                .asText()).isEqualTo("invalid_grant");
        // Spent by the refusal: the right verifier comes too late.
        assertThat(redeem(clientId, code, VERIFIER).json().get("error").asText()).isEqualTo("invalid_grant");

        String noVerifier = codeOf(browser.get(pkce));
        assertThat(redeem(clientId, noVerifier, null).json().get("error").asText()).isEqualTo("invalid_grant");

        String otherRedirect = codeOf(browser.get(authorize(clientId)));
        Answer wrongUri = token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code",
                otherRedirect, "redirect_uri", "https://app.example.com/other"), null);
        assertThat(wrongUri.status()).isEqualTo(400);
        assertThat(wrongUri.json().get("error").asText()).isEqualTo("invalid_grant");

        String foreign = codeOf(browser.get(authorize(clientId)));
        assertThat(redeem(other, foreign, null).json().get("error").asText()).isEqualTo("invalid_grant");

        Answer missing = token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", "x"), null);
        assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aConfidentialClientAuthenticatesToRedeemItsCode() {
        String poolId = hostedPool();
        UserPoolClientType client = webClient(poolId, b -> b.generateSecret(true));
        confirmedUser(poolId, "dave");
        String code = codeOf(login(browser(), authorize(client.clientId()), "dave", PASSWORD));
        assertThat(redeem(client.clientId(), code, null).json().get("error").asText()).isEqualTo("invalid_client");
        String basic = "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":"
                + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        String code2 = codeOf(login(browser(), authorize(client.clientId()), "dave", PASSWORD));
        Answer ok = token(Map.of("grant_type", "authorization_code", "code", code2, "redirect_uri", CALLBACK),
                basic);
        assertThat(ok.status()).as(ok.json().toString()).isEqualTo(200);
    }

    @Test
    void withoutOpenidNoIdTokenAndAllAllowedScopesByDefault() throws Exception {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "erin");
        WebClient browser = browser();
        Answer noOpenid = redeem(clientId, codeOf(login(browser, authorize(clientId, "scope", "email"), "erin",
                PASSWORD)), null);
        assertThat(noOpenid.json().has("id_token")).isFalse();
        assertThat(claims(noOpenid.json().get("access_token").asText()).getStringClaim("scope")).isEqualTo("email");
        Answer all = redeem(clientId, codeOf(browser.get(authorize(clientId))), null);
        assertThat(claims(all.json().get("access_token").asText()).getStringClaim("scope"))
                .isEqualTo("openid email profile");
    }

    @Test
    void implicitGrantAnswersTokensInTheFragment() throws Exception {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "fay");
        WebClient.Page done = login(browser(), "/oauth2/authorize?" + query("response_type", "token",
                "client_id", clientId, "redirect_uri", CALLBACK, "state", "s", "scope", "openid", "nonce", "nn"),
                "fay", PASSWORD);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).startsWith(CALLBACK + "#");
        Map<String, String> f = WebClient.parameters(done.location(), true);
        assertThat(f.keySet()).containsExactly("id_token", "access_token", "token_type", "expires_in", "state");
        assertThat(f).containsEntry("token_type", "bearer").containsEntry("expires_in", "3600")
                .containsEntry("state", "s");
        assertThat(claims(f.get("id_token")).getStringClaim("nonce")).isEqualTo("nn");
        assertThat(claims(f.get("id_token")).getStringClaim("at_hash")).isNotNull();
    }

    // --- the authorization endpoint's refusals -------------------------------------------------------------------

    @Test
    void anUntrustedClientOrRedirectUriIsAnErrorPageNeverARedirect() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        WebClient browser = browser();
        WebClient.Page mismatch = browser.get("/oauth2/authorize?" + query("response_type", "code", "client_id",
                clientId, "redirect_uri", "https://evil.example.com/cb"));
        assertThat(mismatch.status()).isEqualTo(302);
        assertThat(mismatch.location()).isEqualTo("/error?error=redirect_mismatch&client_id=" + clientId);
        WebClient.Page page = browser.get(mismatch.location());
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.error()).isEqualTo("An error was encountered with the requested page.");
        assertThat(page.body()).contains("redirect_mismatch");

        assertThat(browser.get("/oauth2/authorize?" + query("response_type", "code", "client_id", clientId))
                .location()).startsWith("/error?error=redirect_mismatch");
        assertThat(browser.get("/oauth2/authorize?" + query("response_type", "code", "client_id",
                "nosuchclient0000000000000", "redirect_uri", CALLBACK)).location())
                .startsWith("/error?error=invalid_request&client_id=nosuchclient");
        assertThat(browser.get("/oauth2/authorize?" + query("response_type", "code", "redirect_uri", CALLBACK))
                .location()).startsWith("/error?error=invalid_request");

        String noDomain = newPool();
        String bare = webClient(noDomain);
        assertThat(browser.get(authorize(bare)).location()).startsWith("/error?error=invalid_request&client_id="
                + bare + "&error_description=The+user+pool+" + noDomain + "+has+no+domain");
    }

    @Test
    void otherRefusalsRedirectToTheClientWithErrorAndState() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        String codeOnly = webClient(poolId, b -> b.allowedOAuthFlows(OAuthFlowType.CODE)).clientId();
        String noOauth = webClient(poolId, b -> b.allowedOAuthFlowsUserPoolClient(false)).clientId();
        WebClient browser = browser();
        assertThat(browser.get("/oauth2/authorize?" + query("client_id", clientId, "redirect_uri", CALLBACK,
                "state", "x")).location()).isEqualTo(CALLBACK + "?error=invalid_request&state=x");
        assertThat(browser.get("/oauth2/authorize?" + query("response_type", "id_token", "client_id", clientId,
                "redirect_uri", CALLBACK)).location()).isEqualTo(CALLBACK + "?error=unsupported_response_type");
        assertThat(browser.get("/oauth2/authorize?" + query("response_type", "token", "client_id", codeOnly,
                "redirect_uri", CALLBACK, "state", "y")).location())
                .isEqualTo(CALLBACK + "#error=unauthorized_client&state=y");
        assertThat(browser.get(authorize(noOauth)).location())
                .isEqualTo(CALLBACK + "?error=unauthorized_client&state=st-1");
        assertThat(browser.get(authorize(clientId, "scope", "openid orders/read")).location())
                .isEqualTo(CALLBACK + "?error=invalid_scope&state=st-1");
        assertThat(browser.get(authorize(clientId, "code_challenge", "abc")).location())
                .isEqualTo(CALLBACK + "?error=invalid_request&state=st-1");
        assertThat(browser.get(authorize(clientId, "code_challenge", "abc", "code_challenge_method", "plain"))
                .location()).isEqualTo(CALLBACK + "?error=invalid_request&state=st-1");
        assertThat(browser.get(authorize(clientId, "prompt", "sometimes")).location())
                .isEqualTo(CALLBACK + "?error=invalid_request&state=st-1");
        assertThat(browser.get(authorize(clientId, "prompt", "none")).location())
                .isEqualTo(CALLBACK + "?error=login_required&state=st-1");
        // No external provider is known (the federation hook has none): Cognito's unknown-provider refusal.
        assertThat(browser.get(authorize(clientId, "identity_provider", "Okta")).location())
                .isEqualTo(CALLBACK + "?error=invalid_request&state=st-1");
        assertThat(browser.get(authorize(clientId, "idp_identifier", "example.com")).location())
                .isEqualTo(CALLBACK + "?error=invalid_request&state=st-1");
        // identity_provider=COGNITO is the login page.
        assertThat(browser.get(authorize(clientId, "identity_provider", "COGNITO")).location()).startsWith("/login?");
    }

    @Test
    void aClientWithoutCognitoAsProviderHasNoLoginForm() {
        String poolId = hostedPool();
        String clientId = webClient(poolId, b -> b.supportedIdentityProviders((List<String>) null)).clientId();
        WebClient.Page page = browser().get("/login?" + query("response_type", "code", "client_id", clientId,
                "redirect_uri", CALLBACK));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.error()).isEqualTo("Login option is not available. Please try another one");
    }

    // --- the login form -------------------------------------------------------------------------------------------

    @Test
    void theLoginFormShowsCognitosRefusalsAndCarriesTheRequest() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "gus");
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("off").messageAction("SUPPRESS"));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("off").password(PASSWORD).permanent(true));
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("off"));
        WebClient browser = browser();
        WebClient.Page wrong = login(browser, authorize(clientId), "gus", "Wrong-passw0rd");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.error()).isEqualTo("Incorrect username or password.");
        assertThat(wrong.formAction()).startsWith("/login?client_id=" + clientId + "&response_type=code");
        assertThat(browser.submit(wrong, "username", "nobody", "password", PASSWORD).error())
                .isEqualTo("User does not exist.");
        assertThat(browser.submit(wrong, "username", "off", "password", PASSWORD).error())
                .isEqualTo("User is disabled.");
        assertThat(browser.cookies).doesNotContainKey("cognito");
        codeOf(browser.submit(wrong, "username", "gus", "password", PASSWORD));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "hal");
        WebClient browser = browser();
        WebClient.Page form = browser.get(browser.get(authorize(clientId)).location());
        assertThat(form.setCookies()).anyMatch(c -> c.startsWith("XSRF-TOKEN=") && c.contains("HttpOnly"));
        Map<String, String> fields = new LinkedHashMap<>(Map.of("username", "hal", "password", PASSWORD));
        WebClient.Page none = browser.post(form.formAction(), fields);
        assertThat(none.status()).isEqualTo(403);
        fields.put("_csrf", "forged");
        assertThat(browser.post(form.formAction(), fields).status()).isEqualTo(403);
        WebClient stranger = browser();
        fields.put("_csrf", form.hidden().get("_csrf"));
        assertThat(stranger.post(form.formAction(), fields).status()).isEqualTo(403);
        assertThat(browser.cookies).doesNotContainKey("cognito");
        // A refused form counted no failed password.
        codeOf(browser.submit(form, "username", "hal", "password", PASSWORD));
    }

    // --- single sign-on and logout ----------------------------------------------------------------------------------

    @Test
    void theSessionCookieSignsInTheNextAuthorizeUntilLogoutOrAnHour() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        String second = webClient(poolId);
        confirmedUser(poolId, "ivy");
        WebClient browser = browser();
        codeOf(login(browser, authorize(clientId), "ivy", PASSWORD));
        // Single sign-on: the next authorize answers a code at once, for another client of the pool too.
        codeOf(browser.get(authorize(clientId)));
        codeOf(browser.get(authorize(second)));
        // prompt=login asks again.
        assertThat(browser.get(authorize(clientId, "prompt", "login")).location()).startsWith("/login?");

        WebClient.Page out = browser.get("/logout?" + query("client_id", clientId, "logout_uri", LOGOUT));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo(LOGOUT);
        assertThat(out.setCookies()).anyMatch(c -> c.startsWith("cognito=;") && c.contains("Max-Age=0"));
        assertThat(browser.get(authorize(clientId)).location()).startsWith("/login?");

        codeOf(login(browser, authorize(clientId), "ivy", PASSWORD));
        clock.advance(Duration.ofHours(1));
        assertThat(browser.get(authorize(clientId)).location()).startsWith("/login?");
    }

    @Test
    void logoutChecksTheClientAndItsUrls() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "jo");
        WebClient browser = browser();
        codeOf(login(browser, authorize(clientId), "jo", PASSWORD));
        assertThat(browser.get("/logout?" + query("client_id", clientId, "logout_uri", "https://evil.example.com"))
                .location()).isEqualTo("/error?error=redirect_mismatch&client_id=" + clientId);
        assertThat(browser.get("/logout?" + query("client_id", "nosuch", "logout_uri", LOGOUT)).location())
                .startsWith("/error?error=invalid_request");
        // Refused logouts left the session alone.
        codeOf(browser.get(authorize(clientId)));

        WebClient.Page again = browser.get("/logout?" + query("client_id", clientId, "redirect_uri", CALLBACK,
                "response_type", "code", "state", "st-1"));
        assertThat(again.location()).startsWith("/login?client_id=" + clientId + "&response_type=code");
        WebClient.Page form = browser.get(again.location());
        codeOf(browser.submit(form, "username", "jo", "password", PASSWORD));
    }

    @Test
    void aDisabledUsersSessionNoLongerSignsIn() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        confirmedUser(poolId, "kim");
        WebClient browser = browser();
        codeOf(login(browser, authorize(clientId), "kim", PASSWORD));
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("kim"));
        assertThat(browser.get(authorize(clientId)).location()).startsWith("/login?");
    }

    // --- the steps after the password ---------------------------------------------------------------------------

    @Test
    void aTemporaryPasswordIsChangedOnTheNewPasswordPage() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        forceChangeUser(poolId, "lee");
        WebClient browser = browser();
        WebClient.Page change = login(browser, authorize(clientId), "lee", PASSWORD);
        assertThat(change.formAction()).startsWith("/forceChangePassword?");
        assertThat(change.hidden()).containsEntry("challenge", "NEW_PASSWORD_REQUIRED");
        WebClient.Page weak = browser.submit(change, "password", "short");
        assertThat(weak.error()).isEqualTo("Password did not conform with policy: Password not long enough");
        codeOf(browser.submit(weak, "password", NEW_PASSWORD));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("lee")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void anAuthenticatorCodeIsAskedWhenTheUserHasTotpMfa() {
        String poolId = hostedPool();
        String clientId = webClient(poolId, b -> b.explicitAuthFlows(
                software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
                        .ALLOW_ADMIN_USER_PASSWORD_AUTH,
                software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
                        .ALLOW_REFRESH_TOKEN_AUTH)).clientId();
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        confirmedUser(poolId, "mo");
        String access = adminSignIn(poolId, clientId, "mo").accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(access).userCode(Totp.code(secret,
                Totp.step(clock.instant()))));
        cognito.setUserMFAPreference(b -> b.accessToken(access).softwareTokenMfaSettings(s -> s.enabled(true)));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

        WebClient browser = browser();
        WebClient.Page mfa = login(browser, authorize(clientId), "mo", PASSWORD);
        assertThat(mfa.formAction()).startsWith("/mfa?");
        assertThat(mfa.hidden()).containsEntry("challenge", "SOFTWARE_TOKEN_MFA");
        WebClient.Page wrong = browser.submit(mfa, "code", "000000".equals(Totp.code(secret,
                Totp.step(clock.instant()))) ? "111111" : "000000");
        assertThat(wrong.error()).isEqualTo("Invalid code or auth state for the user.");
        codeOf(browser.submit(wrong, "code", Totp.code(secret, Totp.step(clock.instant()))));
    }

    @Test
    void anEmailedCodeIsAskedWhenThePoolRequiresEmailMfa() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)
                .emailMfaConfiguration(e -> e.subject("Code").message("Code: {####}")));
        confirmedUser(poolId, "ned", verifiedEmail("ned"));
        cognito.adminSetUserMFAPreference(b -> b.userPoolId(poolId).username("ned")
                .emailMfaSettings(e -> e.enabled(true)));
        WebClient browser = browser();
        WebClient.Page mfa = login(browser, authorize(clientId), "ned", PASSWORD);
        assertThat(mfa.hidden()).as(mfa.body()).containsEntry("challenge", "EMAIL_OTP");
        assertThat(mfa.body()).contains("We have sent a code to n***@e***");
        codeOf(browser.submit(mfa, "code", lastCode(poolId, "ned")));
    }

    @Test
    void aUserWithoutMfaSetsUpAnAuthenticatorWhenThePoolRequiresIt() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        confirmedUser(poolId, "ola");
        WebClient browser = browser();
        WebClient.Page setup = login(browser, authorize(clientId), "ola", PASSWORD);
        assertThat(setup.formAction()).startsWith("/mfaSetup?");
        String secret = setup.code("secret");
        assertThat(setup.code("otpauth")).isEqualTo("otpauth://totp/ola?secret=" + secret
                + "&issuer=cognito-emulator");
        WebClient.Page wrong = browser.submit(setup, "code", "12");
        assertThat(wrong.error()).isNotNull();
        codeOf(browser.submit(wrong, "code", Totp.code(secret, Totp.step(clock.instant()))));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("ola")).userMFASettingList())
                .containsExactly("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void anExpiredStepSessionGoesBackToTheLoginForm() {
        String poolId = hostedPool();
        String clientId = webClient(poolId);
        forceChangeUser(poolId, "pat");
        WebClient browser = browser();
        WebClient.Page change = login(browser, authorize(clientId), "pat", PASSWORD);
        clock.advance(Duration.ofMinutes(4));
        WebClient.Page late = browser.submit(change, "password", NEW_PASSWORD);
        assertThat(late.formAction()).startsWith("/login?");
        assertThat(late.error()).isEqualTo("Invalid session for the user.");
    }

    // --- sign-up and forgot password ---------------------------------------------------------------------------

    @Test
    void signUpThenConfirmWithTheMailedCodeThenSignIn() {
        String poolId = hostedPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String clientId = webClient(poolId);
        WebClient browser = browser();
        WebClient.Page login = browser.get(browser.get(authorize(clientId)).location());
        WebClient.Page signUp = browser.get(login.body().contains("/signup?") ? "/signup?" + query("client_id",
                clientId, "response_type", "code", "scope", "openid email profile", "redirect_uri", CALLBACK,
                "state", "st-1") : "/nowhere");
        assertThat(signUp.status()).isEqualTo(200);
        assertThat(signUp.body()).contains("name=\"requiredAttributes.email\"");
        WebClient.Page taken = browser.submit(signUp, "username", "quinn", "password", "weak",
                "requiredAttributes.email", "quinn@example.com");
        assertThat(taken.error()).startsWith("Password did not conform with policy");
        WebClient.Page confirm = browser.submit(taken, "username", "quinn", "password", PASSWORD,
                "requiredAttributes.email", "quinn@example.com");
        assertThat(confirm.formAction()).startsWith("/confirm?");
        assertThat(confirm.body()).contains("We have sent a code to q***@e***");
        assertThat(browser.submit(confirm, "code", "000000x").error()).isNotNull();
        WebClient.Page confirmed = browser.submit(confirm, "code", lastCode(poolId, "quinn"));
        assertThat(confirmed.notice()).isEqualTo("Your account is confirmed. Please sign in.");
        codeOf(browser.submit(confirmed, "username", "quinn", "password", PASSWORD));
    }

    @Test
    void anUnconfirmedUserSigningInGetsANewCodeAndTheConfirmationPage() {
        String poolId = hostedPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String clientId = webClient(poolId);
        cognito.signUp(b -> b.clientId(clientId).username("ray").password(PASSWORD)
                .userAttributes(attr("email", "ray@example.com")));
        WebClient browser = browser();
        int before = messages(poolId).size();
        WebClient.Page confirm = login(browser, authorize(clientId), "ray", PASSWORD);
        assertThat(confirm.formAction()).startsWith("/confirm?");
        assertThat(messages(poolId)).hasSize(before + 1);
        WebClient.Page login = browser.submit(confirm, "code", lastCode(poolId, "ray"));
        codeOf(browser.submit(login, "username", "ray", "password", PASSWORD));
    }

    @Test
    void forgotPasswordSendsACodeAndTheNewPasswordSignsIn() {
        String poolId = hostedPool();
        String clientId = webClient(poolId, b -> b.generateSecret(true)).clientId();
        confirmedUser(poolId, "sam", verifiedEmail("sam"));
        WebClient browser = browser();
        WebClient.Page login = browser.get(browser.get(authorize(clientId)).location());
        WebClient.Page forgot = browser.get(login.body().contains("/forgotPassword?") ? "/forgotPassword?"
                + query("client_id", clientId, "response_type", "code", "redirect_uri", CALLBACK, "state", "st-1")
                : "/nowhere");
        WebClient.Page reset = browser.submit(forgot, "username", "sam");
        assertThat(reset.formAction()).startsWith("/confirmForgotPassword?");
        assertThat(reset.body()).contains("We have sent a code to s***@e***");
        WebClient.Page wrong = browser.submit(reset, "code", "999999", "password", NEW_PASSWORD);
        assertThat(wrong.error()).isEqualTo("Invalid verification code provided, please try again.");
        WebClient.Page done = browser.submit(reset, "code", lastCode(poolId, "sam"), "password", NEW_PASSWORD);
        assertThat(done.notice()).isEqualTo("Your password has been reset. Please sign in.");
        codeOf(browser.submit(done, "username", "sam", "password", NEW_PASSWORD));
    }

    @Test
    void aMalformedFormIsABadRequestPage() throws Exception {
        String clientId = webClient(hostedPool());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/login?" + query(
                "client_id", clientId, "response_type", "code", "redirect_uri", CALLBACK)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%zz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html;charset=utf-8");
        assertThat(r.body()).contains("The request&#39;s parameters are not well-formed.");
    }
}
