package dev.cognitoemulator.tokens;

import dev.cognitoemulator.domain.SamlCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed X.509 certificates for SAML, made with Bouncy Castle: a pool's signing certificate and a SAML
 * provider's encryption certificate (RSA 2048, SHA256withRSA, named after the pool, valid for ten years from issue,
 * as the API reference says of Cognito's signing certificates). Costs a key generation: never made under a pool
 * lock.
 */
public final class Certificates {

    /** "Issued certificates are valid for 10 years from the date of issue." (API reference, GetSigningCertificate) */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private Certificates() {
    }

    public static SamlCertificate saml(String poolId, Instant now, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, poolId).build();
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, new BigInteger(63, random),
                    Date.from(now), Date.from(now.plus(VALIDITY)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").setSecureRandom(random)
                            .build(pair.getPrivate()));
            return new SamlCertificate(certificate.getEncoded(), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a certificate", e);
        }
    }
}
