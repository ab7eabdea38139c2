package dev.cognitoemulator.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;

/** The native signer gives the JDK's signature, byte for byte, and is the one used on Linux x86-64 (CI's). */
class RsaSigningTest {

    @Test
    void signsAsTheJdkDoes() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        JWSHeader header = new JWSHeader(JWSAlgorithm.RS256);
        byte[] input = "header.payload".getBytes(StandardCharsets.UTF_8);

        Base64URL fast = RsaSigning.signer(RsaSigning.signingKey(key.toRSAPrivateKey())).sign(header, input);
        Base64URL jdk = new RSASSASigner(key.toPrivateKey()).sign(header, input);

        assertThat(fast).isEqualTo(jdk);
        assertThat(new RSASSAVerifier(key.toRSAPublicKey()).verify(header, input, fast)).isTrue();
    }

    @Test
    void theNativeProviderSignsOnLinuxX8664() throws Exception {
        boolean linuxX64 = System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
        assertThat(RsaSigning.PROVIDER != null).isEqualTo(linuxX64);
        // The pool's key is the provider's own: given a JDK key, it would translate it at every signature.
        RSAPrivateKey key = RsaSigning.signingKey(new RSAKeyGenerator(2048).generate().toRSAPrivateKey());
        assertThat(key.getClass().getName().startsWith("com.amazon.corretto")).isEqualTo(linuxX64);
    }
}
