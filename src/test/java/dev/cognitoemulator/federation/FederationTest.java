package dev.cognitoemulator.federation;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderUserIdentifierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;

/**
 * Sign-in through an external OpenID Connect provider, end to end over HTTP: a real third-party provider
 * (navikt's mock-oauth2-server, in-process on a free port) stands in for the pool's OIDC provider, the emulator's
 * {@code /oauth2/authorize} sends the browser there, the provider sends it back to {@code /oauth2/idpresponse}, and
 * the app redeems the code at {@code /oauth2/token}. The browser is a JDK HttpClient that follows no redirects.
 */
class FederationTest extends CognitoTestSupport {

    private static final String CALLBACK = "https://app.example.com/callback";
    private static final String IDP_CLIENT = "emulator-at-idp";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = new TestClock();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockOAuth2Server idp;

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final List<String> TRIGGERS = List.of("InboundFederation", "PreSignUp", "PostConfirmation",
            "PreAuthentication", "PostAuthentication");
    /** Every trigger event received, in order. */
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    /** What each function does to the event before returning it (the event unchanged when absent). */
    private final Map<String, UnaryOperator<JsonNode>> behaviour = new ConcurrentHashMap<>();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        for (String name : TRIGGERS) {
            builder.lambda(ARN + name, event -> {
                events.add(event.deepCopy());
                return behaviour.getOrDefault(name, UnaryOperator.identity()).apply(event);
            });
        }
        return builder.clock(clock);
    }

    /** A provider of its own for each test: its queue of sign-ins starts empty; so do the trigger events. */
    @BeforeEach
    void startProvider() {
        events.clear();
        behaviour.clear();
        idp = new MockOAuth2Server();
        idp.start();
    }

    @AfterEach
    void stopProvider() {
        if (idp != null) {
            idp.shutdown();
        }
    }

    // --- fixtures ----------------------------------------------------------------------------------------

    /** The pool (with a domain) and its app client for the code grant with {@code providers} supported. */
    private record Pool(String poolId, String clientId, String clientSecret) {
    }

    private Pool pool(UnaryOperator<Map<String, String>> details, Map<String, String> mapping,
            String... providers) {
        return pool(b -> { }, details, mapping, providers);
    }

    private Pool pool(java.util.function.Consumer<software.amazon.awssdk.services.cognitoidentityprovider.model
            .CreateUserPoolRequest.Builder> settings, UnaryOperator<Map<String, String>> details,
            Map<String, String> mapping, String... providers) {
        String poolId = newPool(b -> settings.accept(b.poolName("federation")));
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("federation-" + NAMES.incrementAndGet()));
        cognito.createIdentityProvider(b -> b.userPoolId(poolId).providerName("Mock").providerType("OIDC")
                .providerDetails(details.apply(oidcDetails())).attributeMapping(mapping)
                .idpIdentifiers("mock.example.com"));
        var client = newClient(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK).supportedIdentityProviders(providers));
        return new Pool(poolId, client.clientId(), client.clientSecret());
    }

    private Pool pool() {
        return pool(d -> d, Map.of("email", "email", "name", "name"), "Mock");
    }

    /** An OIDC provider that names only its issuer: the endpoints come from its discovery document. */
    private Map<String, String> oidcDetails() {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", IDP_CLIENT);
        details.put("client_secret", "idp-secret");
        details.put("attributes_request_method", "GET");
        details.put("oidc_issuer", idp.issuerUrl("idp").toString());
        details.put("authorize_scopes", "openid email profile");
        return details;
    }

    /** The provider's next tokens: for {@code subject}, with these claims (and audience, when given). */
    private void providerSignsIn(String subject, Map<String, Object> claims, List<String> audience, long expiry) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("idp", subject, "JWT", audience, claims, expiry));
    }

    private void providerSignsIn(String subject, Map<String, Object> claims) {
        providerSignsIn(subject, claims, null, 3600);
    }

    /** The base of the emulator's issuer, where providers send the browser back. */
    private String issuerBase() {
        return "http://localhost:" + emulator.port();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static Map<String, String> query(String url) {
        URI uri = URI.create(url);
        String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** {@code /oauth2/authorize} for the code grant with these extra parameters; answers its Location. */
    private String authorize(Pool pool, String extra) throws Exception {
        return location(get(emulator.endpoint() + "/oauth2/authorize?response_type=code&client_id=" + pool.clientId()
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&scope=openid+email+profile&state=app-state&" + extra));
    }

    /** Authorize with the provider, the provider's sign-in, and the emulator's answer to the provider's redirect. */
    private HttpResponse<String> signInThrough(Pool pool, UnaryOperator<String> providerUrl) throws Exception {
        String atProvider = authorize(pool, "identity_provider=Mock");
        String back = location(get(providerUrl.apply(atProvider)));
        assertThat(back).startsWith(issuerBase() + "/oauth2/idpresponse?");
        return get(back);
    }

    /** The whole sign-in: the app's callback's parameters. */
    private Map<String, String> signIn(Pool pool) throws Exception {
        String app = location(signInThrough(pool, u -> u));
        assertThat(app).startsWith(CALLBACK + "?");
        return query(app);
    }

    /** The code grant at the token endpoint: the token response. */
    private JsonNode redeem(Pool pool, String code) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((pool.clientId() + ":" + pool.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", CALLBACK)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, Object> claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
    }

    private UserType user(String poolId, String username) {
        var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
        return UserType.builder().username(user.username()).attributes(user.userAttributes())
                .userStatus(user.userStatus()).enabled(user.enabled()).build();
    }

    // --- the sign-in ---------------------------------------------------------------------------------------

    @Test
    void authorizeSendsTheBrowserToTheProvidersAuthorizeEndpoint() throws Exception {
        Pool pool = pool();

        String atProvider = authorize(pool, "identity_provider=Mock");

        assertThat(atProvider).startsWith(idp.authorizationEndpointUrl("idp").toString() + "?");
        Map<String, String> q = query(atProvider);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", IDP_CLIENT)
                .containsEntry("redirect_uri", issuerBase() + "/oauth2/idpresponse")
                .containsEntry("scope", "openid email profile").containsKeys("state", "nonce");
        assertThat(q.get("state")).isNotEqualTo("app-state");
    }

    @Test
    void aProviderSignInMakesAnExternalProviderUserAndTokensWithIdentities() throws Exception {
        Pool pool = pool();
        providerSignsIn("alice-at-idp", Map.of("email", "alice@example.com", "name", "Alice"));

        Map<String, String> app = signIn(pool);

        assertThat(app).containsEntry("state", "app-state").containsKey("code");
        JsonNode tokens = redeem(pool, app.get("code"));
        Map<String, Object> id = claims(tokens.get("id_token").asText());
        assertThat(id).containsEntry("cognito:username", "Mock_alice-at-idp")
                .containsEntry("email", "alice@example.com").containsEntry("name", "Alice")
                .containsEntry("cognito:groups", List.of(pool.poolId() + "_Mock"));
        JsonNode identity = JSON.valueToTree(id.get("identities")).get(0);
        assertThat(JSON.valueToTree(id.get("identities")).size()).isEqualTo(1);
        assertThat(identity.get("userId").asText()).isEqualTo("alice-at-idp");
        assertThat(identity.get("providerName").asText()).isEqualTo("Mock");
        assertThat(identity.get("providerType").asText()).isEqualTo("OIDC");
        assertThat(identity.get("issuer").isNull()).isTrue();
        assertThat(identity.get("primary").isTextual()).isTrue();
        assertThat(identity.get("primary").asText()).isEqualTo("true");
        assertThat(identity.get("dateCreated").asText()).matches("\\d{13}");
        UserType user = user(pool.poolId(), "Mock_alice-at-idp");
        assertThat(user.userStatusAsString()).isEqualTo("EXTERNAL_PROVIDER");
        Map<String, String> attributes = asMap(user.attributes());
        assertThat(attributes).containsEntry("email", "alice@example.com").containsEntry("name", "Alice");
        JsonNode identities = JSON.readTree(attributes.get("identities"));
        assertThat(identities.get(0).get("primary").isBoolean()).isTrue();
        assertThat(identities.get(0).get("dateCreated").isNumber()).isTrue();
        var group = cognito.getGroup(b -> b.userPoolId(pool.poolId()).groupName(pool.poolId() + "_Mock")).group();
        assertThat(group.description()).isEqualTo("Autogenerated group for users who sign in using Mock");
        assertThat(group.precedence()).isZero();
    }

    @Test
    void anIdpIdentifierNamesTheProvider() throws Exception {
        Pool pool = pool();

        String atProvider = authorize(pool, "idp_identifier=mock.example.com");

        assertThat(atProvider).startsWith(idp.authorizationEndpointUrl("idp").toString() + "?");
    }

    @Test
    void aSecondSignInUpdatesTheMappedAttributes() throws Exception {
        Pool pool = pool();
        providerSignsIn("bob-at-idp", Map.of("email", "bob@example.com", "name", "Bob"));
        signIn(pool);
        String sub = asMap(user(pool.poolId(), "Mock_bob-at-idp").attributes()).get("sub");
        String identities = asMap(user(pool.poolId(), "Mock_bob-at-idp").attributes()).get("identities");

        providerSignsIn("bob-at-idp", Map.of("email", "bob@example.org", "name", "Robert"));
        Map<String, String> app = signIn(pool);

        Map<String, String> attributes = asMap(user(pool.poolId(), "Mock_bob-at-idp").attributes());
        assertThat(attributes).containsEntry("email", "bob@example.org").containsEntry("name", "Robert")
                .containsEntry("sub", sub).containsEntry("identities", identities);
        assertThat(claims(redeem(pool, app.get("code")).get("id_token").asText())).containsEntry("name", "Robert");
    }

    @Test
    void attributesAreMappedFromTheProvidersClaimsByTheAttributeMapping() throws Exception {
        Pool pool = pool(b -> b.schema(SchemaAttributeType.builder().name("department")
                .attributeDataType(AttributeDataType.STRING).mutable(true).build()), d -> d,
                Map.of("given_name", "first", "custom:department", "dept", "email_verified", "email_verified",
                        "username", "employee_id"), "Mock");
        providerSignsIn("ignored-sub", Map.of("first", "Carol", "dept", "Sales", "email_verified", true,
                "employee_id", "E-42", "email", "unmapped@example.com"));

        signIn(pool);

        Map<String, String> attributes = asMap(user(pool.poolId(), "Mock_E-42").attributes());
        assertThat(attributes).containsEntry("given_name", "Carol").containsEntry("custom:department", "Sales")
                .containsEntry("email_verified", "true").doesNotContainKey("email");
    }

    @Test
    void aRequiredAttributeTheProviderDoesNotGiveIsRefused() throws Exception {
        Pool pool = pool(b -> b.schema(SchemaAttributeType.builder().name("email").required(true).build()),
                d -> d, Map.of("name", "name"), "Mock");
        providerSignsIn("dave-at-idp", Map.of("name", "Dave"));

        // Captured: error_description=attributes required: [email]&error=invalid_request (see FederatedUsers).
        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "attributes required: [email]")
                .containsEntry("state", "app-state");
        awsError("UserNotFoundException", () -> user(pool.poolId(), "Mock_dave-at-idp"));
    }

    @Test
    void aLinkedIdentitySignsInAsTheLinkedUser() throws Exception {
        Pool pool = pool();
        confirmedUser(pool.poolId(), "erin", attr("email", "erin@example.com"));
        cognito.adminLinkProviderForUser(b -> b.userPoolId(pool.poolId())
                .destinationUser(ProviderUserIdentifierType.builder().providerName("Cognito")
                        .providerAttributeValue("erin").build())
                .sourceUser(ProviderUserIdentifierType.builder().providerName("Mock")
                        .providerAttributeName("Cognito_Subject").providerAttributeValue("erin-at-idp").build()));
        providerSignsIn("erin-at-idp", Map.of("email", "erin@idp.example.com"));

        Map<String, String> app = signIn(pool);

        Map<String, Object> id = claims(redeem(pool, app.get("code")).get("id_token").asText());
        assertThat(id).containsEntry("cognito:username", "erin").containsEntry("email", "erin@example.com");
        awsError("UserNotFoundException", () -> user(pool.poolId(), "Mock_erin-at-idp"));
    }

    @Test
    void aDisabledUserIsRefused() throws Exception {
        Pool pool = pool();
        providerSignsIn("frank-at-idp", Map.of("email", "frank@example.com"));
        signIn(pool);
        cognito.adminDisableUser(b -> b.userPoolId(pool.poolId()).username("Mock_frank-at-idp"));
        providerSignsIn("frank-at-idp", Map.of("email", "frank@example.com"));

        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "access_denied")
                .containsEntry("error_description", "User is disabled.").containsEntry("state", "app-state");
    }

    // --- the pool's triggers ----------------------------------------------------------------------------------

    /**
     * The default pool whose LambdaConfig names every trigger of a federated sign-in (InboundFederation, PreSignUp,
     * PostConfirmation, PreAuthentication, PostAuthentication).
     */
    private Pool triggersPool() {
        return pool(b -> b.lambdaConfig(l -> l
                .inboundFederation(f -> f.lambdaArn(ARN + "InboundFederation").lambdaVersion("V1_0"))
                .preSignUp(ARN + "PreSignUp").postConfirmation(ARN + "PostConfirmation")
                .preAuthentication(ARN + "PreAuthentication").postAuthentication(ARN + "PostAuthentication")),
                d -> d, Map.of("email", "email", "name", "name"), "Mock");
    }

    private List<String> sources() {
        return events.stream().map(e -> e.get("triggerSource").asText()).toList();
    }

    private JsonNode event(String triggerSource) {
        List<JsonNode> matching = events.stream()
                .filter(e -> e.get("triggerSource").asText().equals(triggerSource)).toList();
        assertThat(matching).as("events of %s among %s", triggerSource, sources()).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, String> strings(JsonNode object) {
        return JSON.convertValue(object, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
    }

    private static void assertCommon(JsonNode event, Pool pool, String userName) {
        assertThat(event.get("version").asText()).isEqualTo("1");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("userPoolId").asText()).isEqualTo(pool.poolId());
        assertThat(event.get("userName").asText()).isEqualTo(userName);
        assertThat(event.get("callerContext").get("clientId").asText()).isEqualTo(pool.clientId());
    }

    private static UnaryOperator<JsonNode> respond(java.util.function.Consumer<ObjectNode> response) {
        return event -> {
            response.accept((ObjectNode) event.get("response"));
            return event;
        };
    }

    private static UnaryOperator<JsonNode> fail(String message) {
        return event -> {
            throw new IllegalStateException(message);
        };
    }

    @Test
    void aFirstSignInCallsInboundFederationThenPreSignUpThenPostConfirmation() throws Exception {
        // Developer guide, "Lambda triggers for federated users": a first sign-in is PreSignUp_ExternalProvider,
        // PostConfirmation_ConfirmSignUp; "Inbound federation Lambda trigger": before the user is made.
        Pool pool = triggersPool();
        providerSignsIn("fay-at-idp", Map.of("email", "fay@example.com", "name", "Fay"));

        assertThat(signIn(pool)).containsKey("code");

        assertThat(sources()).containsExactly("InboundFederation_ExternalProvider", "PreSignUp_ExternalProvider",
                "PostConfirmation_ConfirmSignUp");
        JsonNode inbound = event("InboundFederation_ExternalProvider");
        assertCommon(inbound, pool, "Mock_fay-at-idp");
        JsonNode request = inbound.get("request");
        assertThat(request.get("providerName").asText()).isEqualTo("Mock");
        assertThat(request.get("providerType").asText()).isEqualTo("OIDC");
        JsonNode attributes = request.get("attributes");
        assertThat(attributes.get("tokenResponse").get("access_token").asText()).isNotEmpty();
        assertThat(attributes.get("tokenResponse").get("id_token").asText()).isNotEmpty();
        assertThat(attributes.get("tokenResponse").get("token_type").asText()).isEqualTo("Bearer");
        // The guide's event has every value as a string, expires_in too.
        assertThat(attributes.get("tokenResponse").get("expires_in").isTextual()).isTrue();
        assertThat(attributes.get("idToken").get("sub").asText()).isEqualTo("fay-at-idp");
        assertThat(attributes.get("idToken").get("email").asText()).isEqualTo("fay@example.com");
        assertThat(attributes.get("idToken").get("iss").asText()).isEqualTo(idp.issuerUrl("idp").toString());
        assertThat(attributes.get("idToken").get("nonce")).isNotNull();
        assertThat(attributes.get("userInfo").get("sub").asText()).isEqualTo("fay-at-idp");
        assertThat(attributes.get("userInfo").get("name").asText()).isEqualTo("Fay");
        assertThat(inbound.get("response").get("userAttributesToMap").isObject()).isTrue();
        assertThat(inbound.get("response").get("userAttributesToMap").size()).isZero();

        JsonNode preSignUp = event("PreSignUp_ExternalProvider");
        assertCommon(preSignUp, pool, "Mock_fay-at-idp");
        assertThat(strings(preSignUp.get("request").get("userAttributes")))
                .isEqualTo(Map.of("email", "fay@example.com", "name", "Fay"));
        assertThat(preSignUp.get("request").has("validationData")).isFalse();
        assertThat(preSignUp.get("request").has("clientMetadata")).isFalse();

        JsonNode confirmed = event("PostConfirmation_ConfirmSignUp");
        assertCommon(confirmed, pool, "Mock_fay-at-idp");
        JsonNode userAttributes = confirmed.get("request").get("userAttributes");
        assertThat(userAttributes.get("sub").asText())
                .isEqualTo(asMap(user(pool.poolId(), "Mock_fay-at-idp").attributes()).get("sub"));
        assertThat(userAttributes.get("email").asText()).isEqualTo("fay@example.com");
        assertThat(userAttributes.get("identities").asText()).contains("\"userId\":\"fay-at-idp\"");
        assertThat(userAttributes.get("cognito:user_status").asText()).isEqualTo("EXTERNAL_PROVIDER");
    }

    @Test
    void aLaterSignInCallsInboundFederationThenPreAndPostAuthentication() throws Exception {
        // Developer guide, "Lambda triggers for federated users": subsequent sign-ins are
        // PreAuthentication_Authentication and PostAuthentication_Authentication, with no PreSignUp.
        Pool pool = triggersPool();
        providerSignsIn("gus-at-idp", Map.of("email", "gus@example.com", "name", "Gus"));
        signIn(pool);
        events.clear();
        providerSignsIn("gus-at-idp", Map.of("email", "gus@example.org", "name", "Gus"));

        assertThat(signIn(pool)).containsKey("code");

        assertThat(sources()).containsExactly("InboundFederation_ExternalProvider",
                "PreAuthentication_Authentication", "PostAuthentication_Authentication");
        JsonNode pre = event("PreAuthentication_Authentication");
        assertCommon(pre, pool, "Mock_gus-at-idp");
        // Before the write: the attributes as they were.
        assertThat(pre.get("request").get("userAttributes").get("email").asText()).isEqualTo("gus@example.com");
        JsonNode post = event("PostAuthentication_Authentication");
        assertCommon(post, pool, "Mock_gus-at-idp");
        assertThat(post.get("request").get("userAttributes").get("email").asText()).isEqualTo("gus@example.org");
        assertThat(post.get("request").get("newDeviceUsed").asBoolean()).isFalse();
    }

    @Test
    void inboundFederationsAnswerIsWhatTheAttributeMappingMaps() throws Exception {
        Pool pool = triggersPool();
        // "You must include ALL user attributes you want to retain": name is dropped, email rewritten.
        behaviour.put("InboundFederation", respond(r -> r.putObject("userAttributesToMap")
                .put("sub", "hal-at-idp").put("email", "hal@corp.example.com")));
        providerSignsIn("hal-at-idp", Map.of("email", "HAL@Example.com", "name", "Hal"));

        signIn(pool);

        assertThat(strings(event("PreSignUp_ExternalProvider").get("request").get("userAttributes"))).isEqualTo(Map.of("email", "hal@corp.example.com"));
        Map<String, String> attributes = asMap(user(pool.poolId(), "Mock_hal-at-idp").attributes());
        assertThat(attributes).containsEntry("email", "hal@corp.example.com").doesNotContainKey("name");

        // An empty userAttributesToMap keeps the provider's attributes.
        behaviour.put("InboundFederation", UnaryOperator.identity());
        providerSignsIn("hal-at-idp", Map.of("email", "hal@example.com", "name", "Hal"));
        signIn(pool);
        assertThat(asMap(user(pool.poolId(), "Mock_hal-at-idp").attributes()))
                .containsEntry("email", "hal@example.com").containsEntry("name", "Hal");
    }

    @Test
    void preSignUpsAutoVerifyEmailVerifiesTheMappedAddress() throws Exception {
        Pool pool = triggersPool();
        behaviour.put("PreSignUp", respond(r -> r.put("autoVerifyEmail", true)));
        providerSignsIn("ida-at-idp", Map.of("email", "ida@example.com"));

        signIn(pool);

        assertThat(asMap(user(pool.poolId(), "Mock_ida-at-idp").attributes()))
                .containsEntry("email", "ida@example.com").containsEntry("email_verified", "true");
    }

    @Test
    void aPreSignUpThatFailsEndsTheSignInWithCognitosRedirect() throws Exception {
        Pool pool = triggersPool();
        behaviour.put("PreSignUp", fail("Not on the guest list"));
        providerSignsIn("jo-at-idp", Map.of("email", "jo@example.com"));

        // Captured: "invalid_request: PreSignUp failed with error ERROR: . " (aws-amplify/amplify-swift#1492).
        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "PreSignUp failed with error Not on the guest list.")
                .containsEntry("state", "app-state");
        assertThat(sources()).containsExactly("InboundFederation_ExternalProvider", "PreSignUp_ExternalProvider");
        awsError("UserNotFoundException", () -> user(pool.poolId(), "Mock_jo-at-idp"));
    }

    @Test
    void failingInboundFederationOrPreAuthenticationRefusesTheSignInAndChangesNothing() throws Exception {
        Pool pool = triggersPool();
        providerSignsIn("kim-at-idp", Map.of("email", "kim@example.com", "name", "Kim"));
        signIn(pool);

        behaviour.put("PreAuthentication", fail("Outside office hours"));
        providerSignsIn("kim-at-idp", Map.of("email", "kim@example.org", "name", "Kim"));
        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "PreAuthentication failed with error Outside office hours.");

        behaviour.put("InboundFederation", fail("Unknown tenant"));
        providerSignsIn("kim-at-idp", Map.of("email", "kim@example.org", "name", "Kim"));
        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "InboundFederation failed with error Unknown tenant.");

        assertThat(asMap(user(pool.poolId(), "Mock_kim-at-idp").attributes()))
                .containsEntry("email", "kim@example.com");
    }

    @Test
    void aLinkedIdentitySignsInThroughPreAndPostAuthenticationOfTheLinkedUser() throws Exception {
        Pool pool = triggersPool();
        confirmedUser(pool.poolId(), "lena", attr("email", "lena@example.com"));
        cognito.adminLinkProviderForUser(b -> b.userPoolId(pool.poolId())
                .destinationUser(ProviderUserIdentifierType.builder().providerName("Cognito")
                        .providerAttributeValue("lena").build())
                .sourceUser(ProviderUserIdentifierType.builder().providerName("Mock")
                        .providerAttributeName("Cognito_Subject").providerAttributeValue("lena-at-idp").build()));
        events.clear();
        providerSignsIn("lena-at-idp", Map.of("email", "lena@idp.example.com"));

        signIn(pool);

        assertThat(sources()).containsExactly("InboundFederation_ExternalProvider",
                "PreAuthentication_Authentication", "PostAuthentication_Authentication");
        assertThat(event("PreAuthentication_Authentication").get("userName").asText()).isEqualTo("lena");
    }

    @Test
    void withoutTriggersNoFunctionIsCalled() throws Exception {
        Pool pool = pool();
        providerSignsIn("max-at-idp", Map.of("email", "max@example.com"));

        signIn(pool);

        assertThat(events).isEmpty();
    }

    // --- social providers, pointed at the stand-in ----------------------------------------------------------

    /** A pool whose one provider is of a social type, its endpoints the stand-in's. */
    private Pool socialPool(String type, Map<String, String> details, Map<String, String> mapping) {
        String poolId = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("social-" + NAMES.incrementAndGet()));
        cognito.createIdentityProvider(b -> b.userPoolId(poolId).providerName(type).providerType(type)
                .providerDetails(details).attributeMapping(mapping));
        var client = newClient(poolId, b -> b.generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK).supportedIdentityProviders(type));
        return new Pool(poolId, client.clientId(), client.clientSecret());
    }

    private Map<String, String> standIn(String scopes) {
        Map<String, String> details = new HashMap<>();
        details.put("client_id", IDP_CLIENT);
        details.put("client_secret", "idp-secret");
        details.put("authorize_scopes", scopes);
        details.put("authorize_url", idp.authorizationEndpointUrl("idp").toString());
        details.put("token_url", idp.tokenEndpointUrl("idp").toString());
        return details;
    }

    @Test
    void googlePointedAtALocalStandInSignsIn() throws Exception {
        Map<String, String> details = standIn("profile email openid");
        details.put("oidc_issuer", idp.issuerUrl("idp").toString());
        details.put("jwks_uri", idp.jwksUrl("idp").toString());
        // Google's attributes URL takes the mapped claims' names appended (attributes_url_add_attributes).
        details.put("attributes_url", idp.userInfoUrl("idp") + "?personFields=");
        Pool pool = socialPool("Google", details, Map.of("email", "email"));
        providerSignsIn("1029384756", Map.of("email", "grace@gmail.example"));

        String atProvider = authorize(pool, "identity_provider=Google");
        assertThat(query(atProvider)).containsEntry("scope", "profile email openid").containsKey("nonce");
        Map<String, String> app = query(location(get(location(get(atProvider)))));

        assertThat(app).containsKey("code");
        Map<String, Object> id = claims(redeem(pool, app.get("code")).get("id_token").asText());
        assertThat(id).containsEntry("cognito:username", "Google_1029384756")
                .containsEntry("email", "grace@gmail.example")
                .containsEntry("cognito:groups", List.of(pool.poolId() + "_Google"));
        assertThat(JSON.valueToTree(id.get("identities")).get(0).get("providerType").asText()).isEqualTo("Google");
    }

    @Test
    void facebookPointedAtALocalStandInSignsInFromItsAttributesUrl() throws Exception {
        Map<String, String> details = standIn("public_profile, email, openid");
        details.put("attributes_url", idp.userInfoUrl("idp") + "?fields=");
        // The stand-in's token endpoint takes POST (Facebook's own takes GET, the type's default).
        details.put("token_request_method", "POST");
        Pool pool = socialPool("Facebook", details, Map.of("email", "email", "username", "sub"));
        providerSignsIn("10158", Map.of("email", "hank@facebook.example"));

        String atProvider = authorize(pool, "identity_provider=Facebook");
        // An OAuth 2.0 provider: no nonce, the scopes as the console's comma-separated list names them.
        assertThat(query(atProvider)).containsEntry("scope", "public_profile email openid")
                .doesNotContainKey("nonce");
        assertThat(query(location(get(location(get(atProvider)))))).containsKey("code");

        UserType user = user(pool.poolId(), "Facebook_10158");
        assertThat(asMap(user.attributes())).containsEntry("email", "hank@facebook.example");
        assertThat(JSON.readTree(asMap(user.attributes()).get("identities")).get(0).get("providerType").asText())
                .isEqualTo("Facebook");
    }

    @Test
    void signInWithApplePostsItsAnswer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Map<String, String> details = standIn("openid email name");
        details.remove("client_secret");
        details.put("team_id", "TEAM123456");
        details.put("key_id", "KEY1234567");
        details.put("private_key", "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----");
        details.put("oidc_issuer", idp.issuerUrl("idp").toString());
        details.put("jwks_uri", idp.jwksUrl("idp").toString());
        Pool pool = socialPool("SignInWithApple", details, Map.of("email", "email"));
        providerSignsIn("001234.apple", Map.of("email", "iris@privaterelay.example"));

        String atProvider = authorize(pool, "identity_provider=SignInWithApple");
        assertThat(query(atProvider)).containsEntry("response_mode", "form_post");
        String form = get(atProvider).body();
        Map<String, String> posted = new LinkedHashMap<>();
        java.util.regex.Matcher input = java.util.regex.Pattern
                .compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form);
        while (input.find()) {
            posted.put(input.group(1), input.group(2));
        }
        assertThat(posted).containsKeys("code", "state");
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(issuerBase()
                + "/oauth2/idpresponse")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(posted))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(query(location(back))).containsKey("code").containsEntry("state", "app-state");
        assertThat(asMap(user(pool.poolId(), "SignInWithApple_001234.apple").attributes()))
                .containsEntry("email", "iris@privaterelay.example");
    }

    // --- refusals ------------------------------------------------------------------------------------------

    @Test
    void aProviderTheClientDoesNotSupportIsAnUnknownProvider() throws Exception {
        Pool pool = pool(d -> d, Map.of(), "COGNITO");

        Map<String, String> app = query(authorize(pool, "identity_provider=Mock"));

        assertThat(app).containsEntry("error", "invalid_request").containsEntry("state", "app-state");
    }

    @Test
    void anUnknownProviderIsRefused() throws Exception {
        Pool pool = pool();

        Map<String, String> app = query(authorize(pool, "identity_provider=Nobody"));

        assertThat(app).containsEntry("error", "invalid_request").containsEntry("state", "app-state");
    }

    @Test
    void anUnknownStateIsTheErrorPage() throws Exception {
        String page = location(get(emulator.endpoint() + "/oauth2/idpresponse?code=abc&state=forged"));

        assertThat(page).startsWith("/error?");
        assertThat(query(page)).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "The sign-in at the identity provider is unknown or has expired;"
                        + " start again from the app.");
        HttpResponse<String> shown = get(emulator.endpoint() + page);
        assertThat(shown.statusCode()).isEqualTo(400);
        assertThat(shown.body()).contains("An error was encountered with the requested page.");
    }

    @Test
    void aStateAnswersOnce() throws Exception {
        Pool pool = pool();
        providerSignsIn("gina-at-idp", Map.of("email", "gina@example.com"));
        String back = location(get(authorize(pool, "identity_provider=Mock")));
        assertThat(location(get(back))).startsWith(CALLBACK + "?code=");

        assertThat(location(get(back))).startsWith("/error?error=invalid_request");
    }

    @Test
    void theLoginPageOffersTheClientsProviders() throws Exception {
        Pool pool = pool(d -> d, Map.of("email", "email"), "COGNITO", "Mock");
        String login = authorize(pool, "");
        assertThat(login).startsWith("/login?");

        HttpResponse<String> page = get(emulator.endpoint() + login);

        assertThat(page.body()).contains("Continue with Mock");
        String href = page.body().replaceAll("(?s).*href=\"([^\"]*identity_provider=Mock[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        assertThat(location(get(emulator.endpoint() + href)))
                .startsWith(idp.authorizationEndpointUrl("idp").toString() + "?");
    }

    @Test
    void theProvidersErrorGoesBackToTheApp() throws Exception {
        Pool pool = pool();
        String state = query(authorize(pool, "identity_provider=Mock")).get("state");

        HttpResponse<String> response = get(emulator.endpoint() + "/oauth2/idpresponse?error=access_denied"
                + "&error_description=User+cancelled&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));

        assertThat(query(location(response))).containsEntry("error", "access_denied")
                .containsEntry("error_description", "User cancelled").containsEntry("state", "app-state");
    }

    @Test
    void anIdTokenSignedByAnotherKeyIsRefused() throws Exception {
        // The keys of another issuer of the same server: the signature does not verify.
        Pool pool = pool(d -> {
            d.put("authorize_url", idp.authorizationEndpointUrl("idp").toString());
            d.put("token_url", idp.tokenEndpointUrl("idp").toString());
            d.put("attributes_url", idp.userInfoUrl("idp").toString());
            d.put("jwks_uri", idp.jwksUrl("other").toString());
            return d;
        }, Map.of("email", "email"), "Mock");
        providerSignsIn("henry-at-idp", Map.of("email", "henry@example.com"));

        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Bad id_token signature");
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() throws Exception {
        // A token endpoint answering with an ID token the provider signed for another client.
        String idToken = idp.issueToken("idp", "someone-else", new DefaultOAuth2TokenCallback("idp", "ivy-at-idp",
                "JWT", List.of("someone-else"), Map.of("email", "ivy@example.com"), 3600)).serialize();
        byte[] answer = JSON.writeValueAsBytes(Map.of("access_token", "at", "token_type", "Bearer",
                "id_token", idToken));
        HttpServer tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokenEndpoint.createContext("/token", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        tokenEndpoint.start();
        try {
            Pool pool = pool(d -> {
                d.put("authorize_url", idp.authorizationEndpointUrl("idp").toString());
                d.put("token_url", "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token");
                d.put("jwks_uri", idp.jwksUrl("idp").toString());
                return d;
            }, Map.of("email", "email"), "Mock");

            assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                    .containsEntry("error_description", "Bad id_token audience someone-else");
        } finally {
            tokenEndpoint.stop(0);
        }
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        Pool pool = pool();
        providerSignsIn("jack-at-idp", Map.of("email", "jack@example.com"));

        HttpResponse<String> response = signInThrough(pool, u -> u.replaceAll("nonce=[^&]*", "nonce=replayed"));

        assertThat(query(location(response))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Bad id_token nonce");
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() throws Exception {
        String real = idp.issuerUrl("idp").toString();
        Pool pool = pool(d -> {
            d.put("oidc_issuer", "https://issuer.example.com");
            d.put("authorize_url", idp.authorizationEndpointUrl("idp").toString());
            d.put("token_url", idp.tokenEndpointUrl("idp").toString());
            d.put("attributes_url", idp.userInfoUrl("idp").toString());
            d.put("jwks_uri", idp.jwksUrl("idp").toString());
            return d;
        }, Map.of("email", "email"), "Mock");
        providerSignsIn("kate-at-idp", Map.of("email", "kate@example.com"));

        // Captured text: "Bad id_token issuer <iss>" (see IdTokenCheck).
        assertThat(query(location(signInThrough(pool, u -> u)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "Bad id_token issuer " + real);
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        Pool pool = pool();
        providerSignsIn("liam-at-idp", Map.of("email", "liam@example.com"), null, 30);
        String back = location(get(authorize(pool, "identity_provider=Mock")));

        clock.advance(Duration.ofMinutes(2));

        assertThat(query(location(get(back)))).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "id_token expired");
    }

    @Test
    void aProviderThatCannotBeReachedIsRefused() throws Exception {
        Pool pool = pool(d -> {
            d.put("authorize_url", idp.authorizationEndpointUrl("idp").toString());
            d.put("token_url", "http://127.0.0.1:1/token");
            d.put("attributes_url", idp.userInfoUrl("idp").toString());
            d.put("jwks_uri", idp.jwksUrl("idp").toString());
            return d;
        }, Map.of("email", "email"), "Mock");

        Map<String, String> app = query(location(signInThrough(pool, u -> u)));

        assertThat(app).containsEntry("error", "invalid_request").containsKey("error_description")
                .containsEntry("state", "app-state");
    }
}
