package dev.cognitoemulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.config.ConfigException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The user's own certificate and key ({@code --tls-cert} / {@code --tls-key}, made here with Bouncy Castle: a test
 * CA and a server certificate it signed), and every start-up error: each a {@link ConfigException} with one line
 * naming the file or the address, and no listener left behind.
 */
class TlsFilesTest {

    @TempDir
    Path dir;

    private static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(algorithm.equals("RSA") ? 2048 : 256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey signer,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        String algorithm = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(algorithm).build(signer)));
    }

    private Path pem(String name, Object... objects) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    /** A test CA and a server certificate for localhost it signed; the chain file holds both, server first. */
    private record Pki(Path ca, Path chain, KeyPair serverKeys) {
    }

    private Pki pki(String algorithm) throws Exception {
        KeyPair caKeys = keyPair(algorithm);
        X509Certificate ca = certificate("CN=Test CA", caKeys, "CN=Test CA", caKeys.getPrivate(), true);
        KeyPair serverKeys = keyPair(algorithm);
        X509Certificate server = certificate("CN=localhost", serverKeys, "CN=Test CA", caKeys.getPrivate(), false);
        return new Pki(pem("ca.pem", ca), pem("chain.pem", server, ca), serverKeys);
    }

    private static CognitoEmulator start(Path cert, Path key) {
        return CognitoEmulator.builder().port(0).httpsPort(0).tlsCertificate(cert, key).build().start();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA PKCS#1", "RSA PKCS#8", "EC PKCS#8"})
    void servesTheGivenChainWithItsKey(String form) throws Exception {
        Pki pki = pki(form.split(" ")[0]);
        Path key = form.endsWith("PKCS#8") ? pem("key.pem", new JcaPKCS8Generator(pki.serverKeys().getPrivate(), null))
                : pem("key.pem", pki.serverKeys());
        assertThat(Files.readString(key)).startsWith(form.endsWith("PKCS#8") ? "-----BEGIN PRIVATE KEY-----"
                : form.startsWith("RSA") ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----");
        try (CognitoEmulator emulator = start(pki.chain(), key);
                CognitoIdentityProviderClient tls = HttpsTest.httpsClient(emulator.httpsEndpoint(), pki.ca())) {
            // Trusting only the CA: the server sent its certificate and the CA's.
            String poolId = tls.createUserPool(r -> r.poolName("tls")).userPool().id();
            assertThat(tls.listUserPools(r -> r.maxResults(10)).userPools()).extracting(p -> p.id())
                    .containsExactly(poolId);
            assertThat(emulator.tlsCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(emulator.tlsCertificateFile()).isEqualTo(pki.chain());
        }
        assertThat(pki.chain()).as("the user's file is left alone at close").exists();
    }

    @Test
    void theSelfSignedCertificateFileIsDeletedAtClose() {
        Path file;
        try (CognitoEmulator emulator = CognitoEmulator.builder().port(0).httpsPort(0).build().start()) {
            file = emulator.tlsCertificateFile();
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void withoutHttpsThereIsNoCertificateToAskFor() {
        try (CognitoEmulator emulator = CognitoEmulator.builder().port(0).build().start()) {
            assertThatThrownBy(emulator::httpsPort).isInstanceOf(IllegalStateException.class)
                    .hasMessage("HTTPS is off (no --https-port)");
            assertThatThrownBy(emulator::tlsCertificate).isInstanceOf(IllegalStateException.class);
        }
    }

    // --- start-up errors -------------------------------------------------------------------------------------

    private void assertStartFails(Path cert, Path key, String message) {
        assertThatThrownBy(() -> start(cert, key)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Pki pki = pki("EC");
        Path key = pem("key.pem", pki.serverKeys());
        Path missing = dir.resolve("missing.pem");
        assertStartFails(missing, key, "--tls-cert " + missing + " cannot be read: no such file");
        assertStartFails(pki.chain(), missing, "--tls-key " + missing + " cannot be read: no such file");
        assertStartFails(dir, key, "--tls-cert " + dir + " cannot be read: Is a directory");
    }

    @Test
    void filesThatAreNotPemAreNamed() throws Exception {
        Pki pki = pki("EC");
        Path key = pem("key.pem", pki.serverKeys());
        Path der = Files.write(dir.resolve("cert.der"), HttpsTest.class.getResourceAsStream("HttpsTest.class")
                .readAllBytes());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertStartFails(der, key, "--tls-cert " + der + " cannot be read: not a PEM (text) file");
        assertStartFails(text, key, "--tls-cert " + text + " holds no PEM certificate");
        assertThatThrownBy(() -> start(broken, key)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--tls-cert " + broken + " is not valid PEM: ");
        assertStartFails(key, key, "--tls-cert " + key + " holds something other than certificates (PEMKeyPair)");
        assertStartFails(pki.chain(), text, "--tls-key " + text + " must hold one PEM private key, not 0 PEM objects");
        assertStartFails(pki.chain(), pki.ca(), "--tls-key " + pki.ca() + " holds a certificate, not a private key");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Pki pki = pki("RSA");
        Path otherRsa = pem("other-rsa.pem", keyPair("RSA"));
        Path otherEc = pem("other-ec.pem", new JcaPKCS8Generator(keyPair("EC").getPrivate(), null));
        assertStartFails(pki.chain(), otherRsa, "--tls-key " + otherRsa + " is not the key of the certificate in "
                + "--tls-cert " + pki.chain());
        assertStartFails(pki.chain(), otherEc, "--tls-key " + otherEc + " is not the key of the certificate in "
                + "--tls-cert " + pki.chain());
    }

    @Test
    void anEncryptedKeyIsRefused() throws Exception {
        Pki pki = pki("EC");
        Path encrypted;
        try {
            encrypted = pem("encrypted.pem", new JcaPKCS8Generator(pki.serverKeys().getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
                            .setPassword("secret".toCharArray()).build()));
        } catch (PKCSException e) {
            throw new AssertionError(e);
        }
        assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertStartFails(pki.chain(), encrypted, "--tls-key " + encrypted
                + " is encrypted; give the key without a passphrase");
    }

    @Test
    void aTakenHttpsPortIsNamedAndNothingKeepsListening() throws Exception {
        int httpPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            httpPort = free.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> CognitoEmulator.builder().port(httpPort).httpsPort(taken.getLocalPort()).build()
                    .start()).isInstanceOf(ConfigException.class).hasMessageStartingWith("cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + " (HTTPS): ");
            // The plain listener opened first is closed again: the port can be bound.
            try (ServerSocket again = new ServerSocket(httpPort, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort()).isEqualTo(httpPort);
            }
        }
    }

    @Test
    void aTakenHttpPortIsNamedWithHttpsOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> CognitoEmulator.builder().port(taken.getLocalPort()).httpsPort(0).build().start())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " or 127.0.0.1:0 "
                            + "(HTTPS): ");
        }
    }

    @Test
    void aFailedStartLeavesTheEmulatorNotStarted() {
        Path missing = dir.resolve("missing.pem");
        CognitoEmulator emulator = CognitoEmulator.builder().port(0).httpsPort(0).tlsCertificate(missing, missing)
                .build();
        assertThatThrownBy(emulator::start).isInstanceOf(ConfigException.class);
        assertThatThrownBy(emulator::port).isInstanceOf(IllegalStateException.class).hasMessage("not started");
        emulator.close();
    }
}
