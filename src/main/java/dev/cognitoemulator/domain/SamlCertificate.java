package dev.cognitoemulator.domain;

import java.security.PrivateKey;

/**
 * A certificate for SAML 2.0 federation: a self-signed X.509 certificate, DER encoded, with its private key. A
 * pool's signing certificate (GetSigningCertificate) is made once per pool, then kept; a SAML provider with
 * encrypted responses has its own encryption certificate. Part of the pool's state.
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
