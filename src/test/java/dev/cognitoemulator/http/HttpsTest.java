package dev.cognitoemulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.testing.ModelCheck;
import dev.cognitoemulator.testing.NodeScript;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * {@code --https-port}: the same routes over TLS beside the plain listener, with a self-signed certificate (written
 * as PEM, trusted here from that file) or the user's PEM pair (made here with Bouncy Castle); clients trust only
 * what the test gives them, so a wrong certificate fails the handshake.
 */
class HttpsTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.httpsPort(0);
    }

    /** Trust managers that trust exactly the certificates of a PEM file. */
    static TrustManager[] trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    static SSLContext clientContext(Path pem) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trusting(pem), null);
        return context;
    }

    static CognitoIdentityProviderClient httpsClient(URI endpoint, Path trusted) throws Exception {
        TrustManager[] trust = trusting(trusted);
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> trust).build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ModelCheck()))
                .build();
    }

    private static HttpResponse<String> get(SSLContext context, URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSdkSignsInOverHttpsTrustingTheWrittenCertificate() throws Exception {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");

        try (CognitoIdentityProviderClient tls = httpsClient(emulator.httpsEndpoint(), emulator.tlsCertificateFile())) {
            AuthenticationResultType tokens = tls.initiateAuth(r -> r.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))).authenticationResult();
            assertThat(tls.getUser(r -> r.accessToken(tokens.accessToken())).username()).isEqualTo("alice");
            // The same store behind both listeners, and AWS errors alike over TLS.
            assertThat(cognito.getUser(r -> r.accessToken(tokens.accessToken())).username()).isEqualTo("alice");
            assertThatThrownBy(() -> tls.initiateAuth(r -> r.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Wr0ng-Passw0rd!"))))
                    .isInstanceOf(NotAuthorizedException.class).hasMessageStartingWith("Incorrect username or password.");
        }
    }

    @Test
    void theSelfSignedCertificateNamesTheLoopbackAndIsTheOneInTheFile() throws Exception {
        X509Certificate certificate = emulator.tlsCertificate();
        assertThat(emulator.httpsEndpoint()).isEqualTo(URI.create("https://localhost:" + emulator.httpsPort()));
        assertThat(emulator.httpsPort()).isNotEqualTo(emulator.port()).isPositive();
        assertThat(certificate.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        try (InputStream in = Files.newInputStream(emulator.tlsCertificateFile())) {
            assertThat(List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in)))
                    .isEqualTo(List.of(certificate));
        }
        assertThat(Files.readString(emulator.tlsCertificateFile())).doesNotContain("PRIVATE KEY");
        // By IP too: the certificate names 127.0.0.1.
        HttpResponse<String> health = get(clientContext(emulator.tlsCertificateFile()),
                URI.create("https://127.0.0.1:" + emulator.httpsPort() + "/health"));
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void jwksAndDiscoveryAreServedOverHttpsAsOverHttp() throws Exception {
        String poolId = newPool();
        SSLContext context = clientContext(emulator.tlsCertificateFile());
        for (String path : List.of("/.well-known/jwks.json", "/.well-known/openid-configuration")) {
            HttpResponse<String> tls = get(context, URI.create(emulator.httpsEndpoint() + "/" + poolId + path));
            HttpResponse<String> plain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + poolId + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tls.statusCode()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(tls.body())).as(path).isEqualTo(JSON.readTree(plain.body()));
        }
        JsonNode jwks = JSON.readTree(get(context, URI.create(emulator.httpsEndpoint() + "/" + poolId
                + "/.well-known/jwks.json")).body());
        assertThat(jwks.path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        // The JDK's default trust store: the self-signed certificate is in none.
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.httpsEndpoint() + "/health")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tls12AndTls13AreServedAndOlderProtocolsAreNot() throws Exception {
        SSLContext context = clientContext(emulator.tlsCertificateFile());
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setProtocols(new String[] {protocol});
            HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(emulator.httpsEndpoint() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).sslSession()).get()
                    .extracting(s -> s.getProtocol()).as(protocol).isEqualTo(protocol);
        }
    }

    /** openssl s_client offering one protocol only (security level 0, so that it offers TLS 1.0/1.1 at all). */
    private boolean opensslHandshakes(String protocolFlag) throws Exception {
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + emulator.httpsPort(),
                protocolFlag, "-cipher", "DEFAULT@SECLEVEL=0").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 && out.contains("BEGIN CERTIFICATE");
    }

    @Test
    void tls10And11HandshakesAreRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")),
                "openssl is not installed");
        assertThat(opensslHandshakes("-tls1_2")).as("the probe itself works").isTrue();
        assertThat(opensslHandshakes("-tls1_1")).isFalse();
        assertThat(opensslHandshakes("-tls1")).isFalse();
    }

    @Test
    void thePlainListenerStaysPlainAndTheIssuerFollowsIt() throws Exception {
        String poolId = newPool();
        HttpResponse<String> discovery = get(clientContext(emulator.tlsCertificateFile()),
                URI.create(emulator.httpsEndpoint() + "/" + poolId + "/.well-known/openid-configuration"));
        assertThat(JSON.readTree(discovery.body()).path("issuer").asText())
                .isEqualTo("http://localhost:" + emulator.port() + "/" + poolId);
        assertThat(emulator.endpoint().getScheme()).isEqualTo("http");
    }

    @Test
    void anSdkPointedAtTheHttpsPortWithoutTrustFails() throws Exception {
        try (CognitoIdentityProviderClient untrusting = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.httpsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThatThrownBy(() -> untrusting.listUserPools(r -> r.maxResults(1)))
                    .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(CertPathBuilderException.class);
        }
    }

    // --- a Node.js client, trusting the certificate through NODE_EXTRA_CA_CERTS ------------------------------

    @Test
    void nodeFetchesTheJwksAndSignsInWithIdentityJsOverHttps() throws Exception {
        NodeScript.requireInstalled("amazon-cognito-identity-js");
        String poolId = newPool();
        String clientId = newClient(poolId, b -> b.clientName("web")).clientId();
        confirmedUser(poolId, "alice");
        String ca = emulator.tlsCertificateFile().toString();
        String jwks = emulator.httpsEndpoint() + "/" + poolId + "/.well-known/jwks.json";

        JsonNode fetched = NodeScript.run("https-fetch.mjs", "fetch", Map.of("URL", jwks, "NODE_EXTRA_CA_CERTS", ca));
        assertThat(fetched.path("status").asInt()).as("%s", fetched).isEqualTo(200);
        assertThat(fetched.path("body").path("keys").get(0).path("kid").asText()).isNotEmpty();

        JsonNode untrusted = NodeScript.run("https-fetch.mjs", "fetch", Map.of("URL", jwks));
        assertThat(untrusted.path("error").asText()).as("%s", untrusted)
                .isEqualTo("DEPTH_ZERO_SELF_SIGNED_CERT");

        JsonNode signIn = NodeScript.run("identity-js.mjs", "signIn", Map.of("ENDPOINT",
                emulator.httpsEndpoint().toString(), "POOL_ID", poolId, "CLIENT_ID", clientId, "USERNAME", "alice",
                "PASSWORD", PASSWORD, "NODE_EXTRA_CA_CERTS", ca));
        assertThat(signIn.path("error").isMissingNode()).as("%s", signIn).isTrue();
        assertThat(signIn.path("username").asText()).isEqualTo("alice");
        assertThat(signIn.path("tokenUse").asText()).isEqualTo("access");
    }
}
