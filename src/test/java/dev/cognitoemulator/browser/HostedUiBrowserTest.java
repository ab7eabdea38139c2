package dev.cognitoemulator.browser;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.hostedui.WebClient;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The hosted UI in headless Chromium, as a user meets it: authorization code + PKCE through the login page (the
 * code then exchanged by the app), single sign-on on a second authorize, logout, sign-up confirmed with the mailed
 * code, forgot password, and an authenticator code as MFA step. The browser fills and submits the plain forms; no
 * script runs. The app's callback and logout pages are a tiny server on another port.
 */
class HostedUiBrowserTest extends AccountsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String VERIFIER = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

    private final TestClock clock = new TestClock();
    private HeadlessChromium chromium;
    private HttpServer app;

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    @BeforeAll
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        app = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = "<!DOCTYPE html><title>app</title><p>app page</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.stop(0);
        }
    }

    @BeforeEach
    void freshCookies() {
        if (chromium != null) {
            chromium.driver().manage().deleteAllCookies();
        }
    }

    private String callback() {
        return "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";
    }

    private String logoutPage() {
        return "http://127.0.0.1:" + app.getAddress().getPort() + "/signed-out";
    }

    private WebDriver driver() {
        return chromium.driver();
    }

    private String hostedPool(boolean verifyEmail) {
        String poolId = newPool(b -> {
            b.emailConfiguration(e -> e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                    .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com").from("auth@example.com"));
            if (verifyEmail) {
                b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
            }
        });
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("browser-ui-" + NAMES.incrementAndGet()));
        return poolId;
    }

    private String webClient(String poolId) {
        return newClient(poolId, b -> b.allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(callback()).logoutURLs(logoutPage())
                .supportedIdentityProviders("COGNITO")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
    }

    private String authorizeUrl(String clientId) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        return emulator.endpoint().resolve("/oauth2/authorize?" + WebClient.encode(new java.util.LinkedHashMap<>(
                Map.of("response_type", "code", "client_id", clientId, "redirect_uri", callback(), "state", "s-1",
                        "code_challenge", challenge, "code_challenge_method", "S256")))).toString();
    }

    private void fill(String field, String value) {
        driver().findElement(By.id("field-" + field)).sendKeys(value);
    }

    private void submit() {
        driver().findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String heading() {
        return driver().findElement(By.tagName("h1")).getText();
    }

    /** Waits until the browser is at the app's callback; returns the code of its query. */
    private String awaitCode() {
        new WebDriverWait(driver(), Duration.ofSeconds(20), Duration.ofMillis(50))
                .until(d -> d.getCurrentUrl().startsWith(callback()));
        Map<String, String> query = WebClient.parameters(driver().getCurrentUrl(), false);
        assertThat(query).containsEntry("state", "s-1");
        return query.get("code");
    }

    private void signInOnTheForm(String username, String password) {
        assertThat(heading()).isEqualTo("Sign in");
        fill("username", username);
        fill("password", password);
        submit();
    }

    /** The app's part: the code and the PKCE verifier for tokens at the token endpoint. */
    private JsonNode exchange(String clientId, String code) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                emulator.endpoint().resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(new java.util.LinkedHashMap<>(Map.of(
                        "grant_type", "authorization_code", "client_id", clientId, "code", code,
                        "redirect_uri", callback(), "code_verifier", VERIFIER))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String lastInboxCode(String poolId, String username) {
        List<Message> sent = emulator.inbox().list(new Inbox.Filter(poolId, username, null));
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1).code();
    }

    @Test
    void codeWithPkceThroughTheLoginPageThenSingleSignOnThenLogout() throws Exception {
        String poolId = hostedPool(false);
        String clientId = webClient(poolId);
        confirmedUser(poolId, "bea", attr("email", "bea@example.com"));

        driver().get(authorizeUrl(clientId));
        signInOnTheForm("bea", "wrong-Passw0rd");
        assertThat(driver().findElement(By.id("error")).getText()).isEqualTo("Incorrect username or password.");
        signInOnTheForm("bea", PASSWORD);
        JsonNode tokens = exchange(clientId, awaitCode());
        assertThat(tokens.has("id_token")).isTrue();
        assertThat(tokens.has("refresh_token")).isTrue();

        // Single sign-on: the next authorize goes straight back with a new code.
        driver().get(authorizeUrl(clientId));
        exchange(clientId, awaitCode());

        driver().get(emulator.endpoint().resolve("/logout?" + WebClient.encode(Map.of("client_id", clientId)) + "&"
                + WebClient.encode(Map.of("logout_uri", logoutPage()))).toString());
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(logoutPage()));
        driver().get(authorizeUrl(clientId));
        assertThat(heading()).isEqualTo("Sign in");
    }

    @Test
    void signUpThenConfirmWithTheMailedCodeThenSignIn() throws Exception {
        String poolId = hostedPool(true);
        String clientId = webClient(poolId);
        driver().get(authorizeUrl(clientId));
        driver().findElement(By.linkText("Need an account? Sign up")).click();
        assertThat(heading()).isEqualTo("Sign up");
        fill("username", "cleo");
        fill("requiredAttributes_email", "cleo@example.com");
        fill("password", PASSWORD);
        submit();
        assertThat(heading()).isEqualTo("Confirm your account");
        fill("code", lastInboxCode(poolId, "cleo"));
        submit();
        assertThat(driver().findElement(By.id("notice")).getText())
                .isEqualTo("Your account is confirmed. Please sign in.");
        signInOnTheForm("cleo", PASSWORD);
        exchange(clientId, awaitCode());
    }

    @Test
    void forgotPasswordWithTheMailedCodeThenSignInWithTheNewPassword() throws Exception {
        String poolId = hostedPool(false);
        String clientId = webClient(poolId);
        confirmedUser(poolId, "dina", verifiedEmail("dina"));
        driver().get(authorizeUrl(clientId));
        driver().findElement(By.linkText("Forgot your password?")).click();
        fill("username", "dina");
        submit();
        assertThat(heading()).isEqualTo("Reset your password");
        fill("code", lastInboxCode(poolId, "dina"));
        fill("password", NEW_PASSWORD);
        submit();
        assertThat(driver().findElement(By.id("notice")).getText())
                .isEqualTo("Your password has been reset. Please sign in.");
        signInOnTheForm("dina", NEW_PASSWORD);
        exchange(clientId, awaitCode());
    }

    @Test
    void anAuthenticatorCodeIsTheMfaStep() throws Exception {
        String poolId = hostedPool(false);
        String clientId = webClient(poolId);
        cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        confirmedUser(poolId, "eve");
        String access = adminSignIn(poolId, clientId, "eve").accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(access).userCode(Totp.code(secret,
                Totp.step(clock.instant()))));
        cognito.setUserMFAPreference(b -> b.accessToken(access).softwareTokenMfaSettings(s -> s.enabled(true)));
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

        driver().get(authorizeUrl(clientId));
        signInOnTheForm("eve", PASSWORD);
        assertThat(heading()).isEqualTo("Multi-factor authentication");
        fill("code", Totp.code(secret, Totp.step(clock.instant())));
        submit();
        exchange(clientId, awaitCode());
    }
}
