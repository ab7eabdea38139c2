package dev.cognitoemulator.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.oauth.OAuthError;
import java.security.Key;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Checks an external provider's ID token as a relying party must (OpenID Connect Core 1.0 section 3.1.3.7): signed
 * (asymmetric algorithms only) by a key of the provider's JWKS (checked first: no claim of a forged token is
 * looked at), issued by the provider's issuer, for the pool's client
 * id at the provider, not expired by the emulator's clock, and carrying the nonce the emulator sent. Refusals are
 * {@code invalid_request} with a description: {@code Bad id_token issuer <iss>} is captured (a NextAuth report quoting
 * Cognito's redirect: {@code error_description=Bad+id_token+issuer+https://login.microsoftonline.com/...}); the
 * others are worded alike (unconfirmed).
 */
final class IdTokenCheck {

    /** Clock skew allowed on {@code exp} and {@code iat}. */
    static final Duration SKEW = Duration.ofMinutes(1);
    private static final List<JWSAlgorithm> ALLOWED = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private IdTokenCheck() {
    }

    /** The token's claims, once every check holds. */
    static Map<String, Object> verify(String idToken, ProviderEndpoints endpoints, String nonce, ProviderHttp http,
            Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw bad("Invalid id_token");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!ALLOWED.contains(algorithm)) {
            throw bad("Bad id_token signature algorithm " + algorithm);
        }
        if (!signedByProvider(jwt, endpoints, http)) {
            throw bad("Bad id_token signature");
        }
        if (endpoints.issuer() != null && !endpoints.issuer().equals(claims.getIssuer())) {
            throw bad("Bad id_token issuer " + claims.getIssuer());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(endpoints.clientId())) {
            throw bad("Bad id_token audience " + String.join(",", claims.getAudience()));
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(SKEW))) {
            throw bad("id_token expired");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().isAfter(now.plus(SKEW))) {
            throw bad("id_token issued in the future");
        }
        Object sent = claims.getClaim("nonce");
        if (!nonce.equals(sent)) {
            throw bad("Bad id_token nonce");
        }
        return claims.toJSONObject();
    }

    private static boolean signedByProvider(SignedJWT jwt, ProviderEndpoints endpoints, ProviderHttp http) {
        if (endpoints.jwksUri() == null) {
            throw bad("No jwks_uri for the identity provider");
        }
        String kid = jwt.getHeader().getKeyID();
        JWKSet keys = http.keys(endpoints.jwksUri(), kid);
        JWKMatcher.Builder matcher = new JWKMatcher.Builder().algorithms(jwt.getHeader().getAlgorithm(), null)
                .keyUses(KeyUse.SIGNATURE, null).keyType(com.nimbusds.jose.jwk.KeyType.forAlgorithm(
                        jwt.getHeader().getAlgorithm()));
        if (kid != null) {
            matcher.keyID(kid);
        }
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        for (JWK key : new JWKSelector(matcher.build()).select(keys)) {
            try {
                Key publicKey = ((AsymmetricJWK) key).toPublicKey();
                JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), publicKey);
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | ClassCastException e) {
                // a key of another kind: try the next
            }
        }
        return false;
    }

    private static OAuthError bad(String description) {
        return ProviderHttp.failure(description);
    }
}
