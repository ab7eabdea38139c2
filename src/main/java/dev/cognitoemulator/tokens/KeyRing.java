package dev.cognitoemulator.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One RS256 signing key per pool, as Cognito has. A key is made the first time its pool needs one (making
 * an RSA key takes tens of milliseconds, and most test pools never sign a token), then kept with a stable
 * {@code kid} for the life of the pool.
 */
public final class KeyRing {

    /** A pool's key with its signer and verifier, made once. */
    record PoolKey(RSAKey jwk, RSASSASigner signer, RSASSAVerifier verifier) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PoolKey> keys = new ConcurrentHashMap<>();

    PoolKey key(String poolId) {
        return keys.computeIfAbsent(poolId, id -> generate());
    }

    /** The pool's key if it has made one, else null: a token can only have been signed by a made key. */
    PoolKey existing(String poolId) {
        return keys.get(poolId);
    }

    /** The pool's public keys as a JWK set ({@code {"keys":[...]}}). */
    public Map<String, Object> jwks(String poolId) {
        return new JWKSet(key(poolId).jwk().toPublicJWK()).toJSONObject(true);
    }

    public void forget(String poolId) {
        keys.remove(poolId);
    }

    private static PoolKey generate() {
        try {
            byte[] kid = new byte[32];
            RANDOM.nextBytes(kid);
            RSAKey jwk = new RSAKeyGenerator(2048)
                    .keyID(Base64.getEncoder().encodeToString(kid))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new PoolKey(jwk, new RSASSASigner(jwk), new RSASSAVerifier(jwk.toPublicJWK()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }
}
