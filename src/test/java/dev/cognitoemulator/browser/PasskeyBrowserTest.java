package dev.cognitoemulator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * A passkey registered and used for sign-in in headless Chromium, with WebDriver's virtual authenticator (a CTAP2
 * platform authenticator that verifies the user) standing in for the user's device: the page at
 * {@code http://localhost:<port>} calls the Cognito operations itself (StartWebAuthnRegistration,
 * {@code navigator.credentials.create}, CompleteWebAuthnRegistration, ListWebAuthnCredentials, InitiateAuth USER_AUTH
 * with WEB_AUTHN, {@code navigator.credentials.get}, RespondToAuthChallenge, GetUser), so the browser's own
 * attestation and assertion, made for the pool's relying party {@code localhost}, are what the emulator verifies.
 */
class PasskeyBrowserTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private JsonNode run(String url) throws Exception {
        browser.driver().get(url);
        WebElement report = new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                .until(driver -> {
                    WebElement element = driver.findElement(By.id("report"));
                    return "done".equals(element.getDomAttribute("data-state")) ? element : null;
                });
        return JSON.readTree(report.getText());
    }

    @Test
    void aPasskeyIsRegisteredAndSignsInFromThePage() throws Exception {
        String poolId = newPool(b -> b.poolName("passkeys").policies(p -> p.signInPolicy(s -> s
                .allowedFirstAuthFactors(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN))));
        String clientId = newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
        confirmedUser(poolId, "jane");
        run(page.passkeyUrl(Map.of("flow", "idle")));
        HasVirtualAuthenticator webAuthn = (HasVirtualAuthenticator) browser.driver();
        VirtualAuthenticator authenticator = webAuthn.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
        try {
            JsonNode report = run(page.passkeyUrl(Map.of("endpoint", emulator.endpoint() + "/", "client", clientId,
                    "username", "jane", "password", PASSWORD)));

            assertThat(report.path("error").isMissingNode()).as("the page's report: %s", report).isTrue();
            assertThat(report.path("rpId").asText()).isEqualTo("localhost");
            String id = report.path("registered").asText();
            JsonNode listed = report.path("listed");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("CredentialId").asText()).isEqualTo(id);
            assertThat(listed.get(0).path("RelyingPartyId").asText()).isEqualTo("localhost");
            assertThat(listed.get(0).path("AuthenticatorAttachment").asText()).isEqualTo("platform");
            assertThat(listed.get(0).path("FriendlyCredentialName").asText()).isEqualTo("Platform passkey");
            assertThat(report.path("challenge").asText()).isEqualTo("WEB_AUTHN");
            assertThat(report.path("used").asText()).isEqualTo(id);
            assertThat(report.path("username").asText()).isEqualTo("jane");
            List<Credential> held = authenticator.getCredentials();
            assertThat(held).hasSize(1);
            assertThat(held.get(0).isResidentCredential()).as("a discoverable credential, as Cognito requires")
                    .isTrue();
            assertThat(held.get(0).getRpId()).isEqualTo("localhost");
            assertThat(held.get(0).getSignCount()).as("the registration and one sign-in").isPositive();
        } finally {
            webAuthn.removeVirtualAuthenticator(authenticator);
        }
    }
}
