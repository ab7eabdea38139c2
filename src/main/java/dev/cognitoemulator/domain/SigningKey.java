package dev.cognitoemulator.domain;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** A pool's RS256 key pair for its tokens, with the {@code kid} its JWKS names it by. Part of the pool's state. */
public record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
