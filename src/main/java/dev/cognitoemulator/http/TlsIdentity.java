package dev.cognitoemulator.http;

import dev.cognitoemulator.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * What the HTTPS listener presents: a certificate chain and its private key, as an {@link SSLContext}. Read from
 * the user's PEM files, or made at start: a self-signed certificate for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1} (EC P-256, SHA256withECDSA) whose key never leaves memory. Every problem with the user's files is a
 * {@link ConfigException} naming the file.
 */
public final class TlsIdentity {

    /** A day's slack before "now" for clocks a little behind; valid for 825 days, the most macOS accepts. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final char[] NO_PASSWORD = new char[0];

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private TlsIdentity(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    /** The server's certificate (the first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain as PEM, the server's certificate first: what a client is told to trust for a self-signed one. */
    public String chainPem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(new JcaMiscPEMGenerator(certificate));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
        return text.toString();
    }

    /** A server-side context with this chain and key (protocols are limited where the listener is made). */
    public SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("cannot use the TLS certificate and key: " + e.getMessage());
        }
    }

    /** A self-signed certificate for the loopback names, valid from a day before {@code now}. */
    public static TlsIdentity selfSigned(Instant now, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost, O=cognito-emulator");
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, random),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), name, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.iPAddress, "::1")}))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random)
                            .build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new TlsIdentity(List.of(certificate), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    /**
     * The chain of {@code certFile} (PEM certificates, the server's first) and the key of {@code keyFile} (PEM,
     * PKCS#8 {@code PRIVATE KEY} or PKCS#1 / SEC 1 {@code RSA|EC PRIVATE KEY}), which must belong to the first
     * certificate.
     */
    public static TlsIdentity fromPem(Path certFile, Path keyFile, SecureRandom random) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Object item : pemItems(certFile, "--tls-cert")) {
            if (!(item instanceof X509CertificateHolder holder)) {
                throw new ConfigException("--tls-cert " + certFile + " holds something other than certificates ("
                        + kind(item) + ")");
            }
            try {
                chain.add(new JcaX509CertificateConverter().getCertificate(holder));
            } catch (CertificateException e) {
                throw new ConfigException("--tls-cert " + certFile + " holds a certificate that cannot be read: "
                        + e.getMessage());
            }
        }
        if (chain.isEmpty()) {
            throw new ConfigException("--tls-cert " + certFile + " holds no PEM certificate");
        }
        List<Object> keys = pemItems(keyFile, "--tls-key");
        if (keys.size() != 1) {
            throw new ConfigException("--tls-key " + keyFile + " must hold one PEM private key, not " + keys.size()
                    + " PEM objects");
        }
        PrivateKey key = privateKey(keys.get(0), keyFile);
        if (!matches(key, chain.get(0), random)) {
            throw new ConfigException("--tls-key " + keyFile + " is not the key of the certificate in --tls-cert "
                    + certFile);
        }
        return new TlsIdentity(chain, key);
    }

    private static List<Object> pemItems(Path file, String flag) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(flag + " " + file + " cannot be read: " + describe(e));
        }
        List<Object> items = new ArrayList<>();
        try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                items.add(item);
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(flag + " " + file + " is not valid PEM: " + e.getMessage());
        }
        return items;
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException ? "no such file"
                : e instanceof MalformedInputException ? "not a PEM (text) file"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static PrivateKey privateKey(Object item, Path file) {
        if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new ConfigException("--tls-key " + file + " is encrypted; give the key without a passphrase");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMKeyPair pair) {
                // SEC 1 EC keys may leave the public key out; the private part is all the listener needs.
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("--tls-key " + file + " holds a key that cannot be used: " + e.getMessage());
        }
        throw new ConfigException("--tls-key " + file + " holds " + kind(item) + ", not a private key");
    }

    private static String kind(Object item) {
        return item instanceof X509CertificateHolder ? "a certificate" : item.getClass().getSimpleName();
    }

    /** The key signs a random message that the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, X509Certificate certificate, SecureRandom random) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new ConfigException("--tls-key holds a " + key.getAlgorithm()
                    + " key; RSA, EC and Ed25519 keys are supported");
        };
        byte[] message = new byte[32];
        random.nextBytes(message);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of another type than the certificate's
        }
    }
}
