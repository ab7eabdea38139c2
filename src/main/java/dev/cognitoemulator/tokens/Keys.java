package dev.cognitoemulator.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/**
 * Each pool's signing key, kept in the pool's state: given on first need (a sign-in, a JWKS request) from the
 * {@link KeyStock}, never made under a pool lock. Two first needs at once: the first write wins, the other key goes
 * back to the stock.
 */
public final class Keys {

    private final UserPoolStore store;
    private final KeyStock stock;

    public Keys(UserPoolStore store, KeyStock stock) {
        this.store = store;
        this.stock = stock;
    }

    public SigningKey of(String poolId) {
        SigningKey key = store.read(poolId, PoolView::signingKey);
        if (key != null) {
            return key;
        }
        SigningKey fresh = stock.take();
        SigningKey kept = store.write(poolId, pool -> {
            SigningKey existing = pool.signingKey();
            if (existing == null) {
                pool.putSigningKey(fresh);
                return fresh;
            }
            return existing;
        });
        if (kept != fresh) {
            stock.giveBack(fresh);
        }
        return kept;
    }

    /** The pool's public key as a JWK set ({@code {"keys":[...]}}), as its {@code jwks.json} serves it. */
    public Map<String, Object> jwks(String poolId) {
        SigningKey key = of(poolId);
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).keyID(key.keyId()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
        return new JWKSet(jwk).toJSONObject(true);
    }

    /** A deleted pool's key, back to the stock. */
    public void retire(SigningKey key) {
        if (key != null) {
            stock.giveBack(key);
        }
    }
}
