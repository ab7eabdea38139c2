package dev.cognitoemulator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * A page on another origin signs in with amazon-cognito-identity-js in headless Chromium, as browser apps call
 * Cognito: USER_PASSWORD_AUTH through InitiateAuth, then getUserAttributes through GetUser. Only CORS makes this
 * work: the browser sends a preflight for each call (the library sends X-Amz-Target, X-Amz-User-Agent and
 * Cache-Control) and hands the page an answer only when it carries Access-Control-Allow-Origin, and its headers
 * only when they are exposed. The page and the emulator both listen on 127.0.0.1, on two ports.
 */
class BrowserSignInTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Passw0rd!";

    private PageServer page;
    private HeadlessChromium browser;

    @BeforeAll
    void startBrowser() throws Exception {
        page = PageServer.start();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (page != null) {
            page.close();
        }
    }

    /** A pool, an app client allowing USER_PASSWORD_AUTH, and a CONFIRMED user with a name and a verified email. */
    private record Fixture(String poolId, String clientId, String username) {
    }

    private static Fixture fixture(CognitoIdentityProviderClient cognito, String username) {
        String poolId = cognito.createUserPool(b -> b.poolName("browser")).userPool().id();
        String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", username + "@example.com"), attribute("email_verified", "true"),
                        attribute("name", "Jane Doe")));
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return new Fixture(poolId, clientId, username);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** Opens the page with this query and returns what it reports once it is done. */
    private JsonNode runPage(Map<String, String> query) throws Exception {
        browser.driver().get(page.url(query));
        WebElement report = new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .until(driver -> {
                    WebElement element = driver.findElement(By.id("report"));
                    return "done".equals(element.getDomAttribute("data-state")) ? element : null;
                });
        return JSON.readTree(report.getText());
    }

    private JsonNode signIn(CognitoEmulator target, Fixture fixture, String password) throws Exception {
        return runPage(Map.of("flow", "signIn", "endpoint", target.endpoint() + "/", "pool", fixture.poolId(),
                "client", fixture.clientId(), "username", fixture.username(), "password", password));
    }

    private static void assertSignedIn(JsonNode report, String username) {
        assertThat(report.path("error").isMissingNode()).as("the page's report: %s", report).isTrue();
        assertThat(report.path("username").asText()).isEqualTo(username);
        assertThat(report.path("idTokenUse").asText()).isEqualTo("id");
        assertThat(report.path("accessTokenUsername").asText()).isEqualTo(username);
        JsonNode attributes = report.path("attributes");
        assertThat(attributes.path("email").asText()).isEqualTo(username + "@example.com");
        assertThat(attributes.path("email_verified").asText()).isEqualTo("true");
        assertThat(attributes.path("name").asText()).isEqualTo("Jane Doe");
        assertThat(attributes.path("sub").asText()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    }

    @Test
    void signsInWithUserPasswordAuthAndReadsTheUserFromAnotherOrigin() throws Exception {
        assertSignedIn(signIn(emulator, fixture(cognito, "jane"), PASSWORD), "jane");
    }

    @Test
    void aWrongPasswordReachesThePageAsCognitosError() throws Exception {
        // Captured text: aws-amplify/amplify-js#1580. The library reads the code from the error body's __type.
        JsonNode report = signIn(emulator, fixture(cognito, "joe"), "not-the-password");
        assertThat(report.path("error").asText()).as("the page's report: %s", report)
                .isEqualTo("NotAuthorizedException");
        assertThat(report.path("message").asText()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void thePageReadsTheExposedHeadersOfAnError() throws Exception {
        // Without Access-Control-Expose-Headers a page sees none of these (Date is not a safelisted header).
        JsonNode report = runPage(Map.of("flow", "headers", "endpoint", emulator.endpoint() + "/"));
        assertThat(report.path("status").asInt()).as("the page's report: %s", report).isEqualTo(400);
        assertThat(report.path("type").asText()).isEqualTo("UnknownOperationException");
        assertThat(report.path("errorType").asText()).startsWith("UnknownOperationException");
        assertThat(report.path("requestId").asText()).matches("[0-9a-f-]{36}");
        assertThat(report.path("date").asText()).endsWith("GMT");
    }

    @Nested
    class ListedOrigin extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.corsAllowedOrigins("https://app.example.test", page.origin());
        }

        @Test
        void aListedPageSignsIn() throws Exception {
            assertSignedIn(signIn(emulator, fixture(cognito, "lee"), PASSWORD), "lee");
        }
    }

    @Nested
    class UnlistedOrigin extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.corsAllowedOrigins("https://app.example.test");
        }

        @Test
        void theBrowserRefusesTheAnswersToAPageNotListed() throws Exception {
            // The preflight gets no CORS headers, so fetch fails and the library reports a network error.
            JsonNode report = signIn(emulator, fixture(cognito, "max"), PASSWORD);
            assertThat(report.path("error").asText()).as("the page's report: %s", report).isEqualTo("NetworkError");
            assertThat(report.has("username")).isFalse();
        }
    }
}
