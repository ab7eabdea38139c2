package dev.cognitoemulator.domain;

import java.security.PrivateKey;

/**
 * A pool's certificate for SAML 2.0 federation (GetSigningCertificate): a self-signed X.509 certificate, DER
 * encoded, with its private key. Made once per pool, then kept. Part of the pool's state.
 */
public record SamlCertificate(byte[] der, PrivateKey privateKey) {

    public SamlCertificate {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public String toString() {
        return "SamlCertificate";
    }
}
