package dev.cognitoemulator.browser;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.hostedui.WebClient;
import dev.cognitoemulator.testing.NodeScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * Amplify v6's {@code signInWithRedirect} in headless Chromium against the hosted UI on the HTTPS listener, as an
 * app runs it: the app's page (on {@code http://localhost:<port>}, a secure context, so Amplify can make its PKCE
 * challenge with {@code crypto.subtle}) sends the browser to {@code https://<domain>/oauth2/authorize}, the user
 * signs in on the login form, and Amplify, back on the page, redeems the code with its verifier at
 * {@code /oauth2/token} by a cross-origin {@code fetch} (with {@code x-amz-user-agent}, so after a preflight), then
 * reads the user with {@code GetUser} at {@code userPoolEndpoint}. {@code signOut} revokes the refresh token and
 * goes through {@code /logout} back to the page.
 *
 * <p>The page is Amplify bundled by esbuild ({@code npm run bundle-amplify-page} in {@code src/test/node}, from
 * {@code amplify-redirect-page.mjs}). Chromium trusts the emulator's self-signed certificate by its key alone
 * ({@code --ignore-certificate-errors-spki-list}), as a user who trusts that file does.
 */
class AmplifyRedirectBrowserTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLE = Path.of("target", "amplify-redirect", "amplify-app.js");
    private static final List<String> SCOPES = List.of("openid", "email", "aws.cognito.signin.user.admin");

    private final AtomicReference<byte[]> config = new AtomicReference<>();
    private HeadlessChromium browser;
    private HttpServer app;

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.httpsPort(0);
    }

    @BeforeAll
    void startAppAndBrowser() throws Exception {
        HeadlessChromium.require(Files.isExecutable(HeadlessChromium.CHROMIUM)
                && Files.isExecutable(HeadlessChromium.CHROMEDRIVER), "Debian's chromium and chromium-driver are"
                + " installed (" + HeadlessChromium.CHROMIUM + ", " + HeadlessChromium.CHROMEDRIVER + ")");
        byte[] bundle = bundle();
        byte[] page;
        try (InputStream in = AmplifyRedirectBrowserTest.class.getResourceAsStream("amplify-app.html")) {
            page = in.readAllBytes();
        }
        app = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        app.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/app.html" -> send(exchange, 200, "text/html; charset=utf-8", page);
                case "/config.js" -> send(exchange, 200, "text/javascript", config.get());
                case "/amplify-app.js" -> send(exchange, 200, "text/javascript", bundle);
                default -> send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        });
        app.start();
        byte[] key = emulator.tlsCertificate().getPublicKey().getEncoded();
        browser = HeadlessChromium.start("--ignore-certificate-errors-spki-list="
                + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key)));
    }

    @AfterAll
    void stopAppAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.stop(0);
        }
    }

    /** Amplify's browser script, bundled by esbuild from src/test/node (after npm ci when it is not installed). */
    private static byte[] bundle() throws IOException, InterruptedException {
        NodeScript.requireInstalled("aws-amplify", "esbuild");
        Path log = Path.of("target", "amplify-bundle.log");
        Files.createDirectories(BUNDLE.getParent());
        Process npm = new ProcessBuilder("npm", "run", "--silent", "bundle-amplify-page").directory(NodeScript.DIR
                .toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = npm.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            npm.destroyForcibly();
        }
        assertThat(exited && npm.exitValue() == 0).as("npm run bundle-amplify-page: %s", Files.readString(log))
                .isTrue();
        return Files.readAllBytes(BUNDLE);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The app's page, at the loopback name Chromium counts a secure context. */
    private String appUrl() {
        return "http://localhost:" + app.getAddress().getPort() + "/app.html";
    }

    private String hostedUi() {
        return emulator.httpsEndpoint().toString();
    }

    /** The page's Amplify.configure: the hosted UI's domain is the HTTPS listener's host and port. */
    private void configureApp(String poolId, String clientId) throws IOException {
        Map<String, Object> oauth = Map.of("domain", emulator.httpsEndpoint().getAuthority(), "scopes", SCOPES,
                "redirectSignIn", List.of(appUrl()), "redirectSignOut", List.of(appUrl()), "responseType", "code");
        Map<String, Object> cognito = Map.of("userPoolId", poolId, "userPoolClientId", clientId,
                "userPoolEndpoint", hostedUi(), "loginWith", Map.of("oauth", oauth));
        config.set(("window.AMPLIFY_CONFIG = " + JSON.writeValueAsString(Map.of("Auth", Map.of("Cognito", cognito)))
                + ";").getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the page's report in this state (or an error) and answers its data. */
    private JsonNode report(String state) throws IOException {
        WebElement report = new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .until(driver -> {
                    WebElement element = driver.findElement(By.id("report"));
                    String current = element.getDomAttribute("data-state");
                    return state.equals(current) || "error".equals(current) ? element : null;
                });
        assertThat(report.getDomAttribute("data-state")).as("the page's report: %s", report.getText())
                .isEqualTo(state);
        return JSON.readTree(report.getText());
    }

    /** Waits until the browser shows the hosted UI's login page (a certificate not trusted stops it before). */
    private void awaitLoginPage() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .withMessage(() -> "the login page at " + hostedUi() + ", not " + browser.driver().getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(hostedUi() + "/login?"));
    }

    private static Map<String, String> claims(JsonNode payload) {
        return Map.of("aud", payload.path("aud").asText(), "token_use", payload.path("token_use").asText(),
                "cognito:username", payload.path("cognito:username").asText(), "email", payload.path("email").asText(),
                "iss", payload.path("iss").asText());
    }

    @Test
    void signInWithRedirectThroughTheLoginPageThenSignOutThroughLogout() throws Exception {
        String poolId = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("amplify-redirect"));
        String clientId = newClient(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes(SCOPES).callbackURLs(appUrl())
                .logoutURLs(appUrl()).supportedIdentityProviders("COGNITO")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
        confirmedUser(poolId, "ana", attr("email", "ana@example.com"), attr("email_verified", "true"));
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username("ana")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        configureApp(poolId, clientId);

        browser.driver().get(appUrl());
        report("signed-out");
        browser.driver().findElement(By.id("sign-in")).click();

        // Amplify's authorize request, as the login page carries it on: code with an S256 challenge (PKCE).
        awaitLoginPage();
        Map<String, String> authorize = WebClient.parameters(browser.driver().getCurrentUrl(), false);
        assertThat(authorize).containsEntry("client_id", clientId).containsEntry("redirect_uri", appUrl())
                .containsEntry("response_type", "code")
                .containsEntry("scope", String.join(" ", SCOPES)).containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.driver().findElement(By.id("field-username")).sendKeys("ana");
        browser.driver().findElement(By.id("field-password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

        JsonNode session = report("signed-in");
        assertThat(session.path("username").asText()).isEqualTo("ana");
        assertThat(session.path("userId").asText()).isEqualTo(sub);
        assertThat(session.path("email").asText()).isEqualTo("ana@example.com");
        // The issuer is the plain listener's (README, "HTTPS"), whichever listener issued the tokens.
        assertThat(claims(session.path("idToken"))).isEqualTo(Map.of("aud", clientId, "token_use", "id",
                "cognito:username", "ana", "email", "ana@example.com",
                "iss", "http://localhost:" + emulator.port() + "/" + poolId));
        JsonNode access = session.path("accessToken");
        assertThat(access.path("client_id").asText()).isEqualTo(clientId);
        assertThat(access.path("token_use").asText()).isEqualTo("access");
        assertThat(access.path("username").asText()).isEqualTo("ana");
        assertThat(List.of(access.path("scope").asText().split(" "))).containsExactlyInAnyOrderElementsOf(SCOPES);
        // Amplify took the code out of the address once it had redeemed it.
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(appUrl());

        String refreshToken = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "return localStorage.getItem(arguments[0])",
                "CognitoIdentityServiceProvider." + clientId + ".ana.refreshToken");
        assertThat(refreshToken).isNotBlank();

        browser.driver().findElement(By.id("sign-out")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .until(d -> d.getCurrentUrl().equals(appUrl()) && "signed-out".equals(
                        d.findElement(By.id("report")).getDomAttribute("data-state")));
        // signOut revoked the refresh token (RevokeToken at userPoolEndpoint) ...
        assertThat(message(awsError("NotAuthorizedException", () -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refreshToken))))))
                .isEqualTo("Refresh Token has been revoked");
        // ... and /logout ended the hosted UI's session: the next sign-in asks again.
        browser.driver().findElement(By.id("sign-in")).click();
        awaitLoginPage();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    }
}
