package dev.cognitoemulator.operations.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** GetSigningCertificate against the SDK: a self-signed X.509 certificate per pool, the same on every call. */
class SigningCertificateTest extends CognitoTestSupport {

    private String certificate(String poolId) {
        return cognito.getSigningCertificate(b -> b.userPoolId(poolId)).certificate();
    }

    private static X509Certificate parse(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void aPoolHasOneSelfSignedCertificateForTenYears() throws Exception {
        String poolId = newPool();

        String first = certificate(poolId);
        X509Certificate certificate = parse(first);

        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + poolId);
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(3650));
        assertThat(certificate(poolId)).isEqualTo(first);
    }

    @Test
    void eachPoolHasItsOwn() {
        assertThat(certificate(newPool())).isNotEqualTo(certificate(newPool()));
    }

    @Test
    void anUnknownPoolIsNotFound() {
        assertThat(message(awsError("ResourceNotFoundException", () -> certificate(NO_POOL))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
    }
}
