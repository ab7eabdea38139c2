package dev.cognitoemulator.tokens;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPrivateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RS256 signers. Signing is most of a sign-in's CPU (two signatures a sign-in), and the JDK's RSA takes about 1.0 ms
 * a signature here, so where Amazon Corretto Crypto Provider's native library loads (Linux x86-64) it signs, in about
 * 0.3 ms; elsewhere the JDK does. The provider's own key is made once, when the key is ({@link #signingKey}): given a
 * JDK key it translates it at every signature, which costs as much as the JDK's signing. The provider is used by
 * name only, never installed JVM-wide (an embedder's JVM keeps its providers). PKCS #1 v1.5 signatures are
 * deterministic: both give the same bytes.
 */
final class RsaSigning {

    private static final Logger LOG = LoggerFactory.getLogger(RsaSigning.class);

    /** Null when the JDK signs. */
    static final Provider PROVIDER = load();

    private RsaSigning() {
    }

    static RSASSASigner signer(PrivateKey key) {
        RSASSASigner signer = new RSASSASigner(key);
        if (PROVIDER != null) {
            signer.getJCAContext().setProvider(PROVIDER);
        }
        return signer;
    }

    /** The key as the signer is fastest with: the provider's own, when it signs; else the key itself. */
    static RSAPrivateKey signingKey(RSAPrivateKey key) {
        if (PROVIDER == null) {
            return key;
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA", PROVIDER).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot take the RSA key into " + PROVIDER.getName(), e);
        }
    }

    private static Provider load() {
        try {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            if (provider.getLoadingError() == null) {
                LOG.debug("RS256 signatures by {}", provider.getName());
                return provider;
            }
            LOG.debug("RS256 signatures by the JDK: {}", provider.getLoadingError().toString());
        } catch (LinkageError e) {
            LOG.debug("RS256 signatures by the JDK: {}", e.toString());
        }
        return null;
    }
}
