package dev.cognitoemulator.operations.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * With {@code issuerBase} set to AWS's, tokens and discovery name {@code https://cognito-idp.<region>.amazonaws.com/
 * <pool id>} exactly, as a verifier configured for real Cognito expects; the keys are still served (and only
 * fetched here) from the emulator.
 */
class ConfiguredIssuerTest extends CognitoTestSupport {

    private static final String BASE = "https://cognito-idp.us-east-1.amazonaws.com";

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.issuerBase(BASE);
    }

    @Test
    void tokensAndDiscoveryNameTheConfiguredIssuer() throws Exception {
        String poolId = newPool(b -> b.poolName("aws-issuer"));
        String clientId = newClient(poolId, b -> b.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .clientId();
        confirmedUser(poolId, "alice");

        AuthenticationResultType tokens = adminSignIn(poolId, clientId, "alice");
        String issuer = BASE + "/" + poolId;

        assertThat(Oidc.claims(tokens.idToken()).getIssuer()).isEqualTo(issuer);
        assertThat(Oidc.claims(tokens.accessToken()).getIssuer()).isEqualTo(issuer);
        JsonNode discovery = Oidc.discovery(emulator.endpoint(), poolId);
        assertThat(discovery.get("issuer").asText()).isEqualTo(issuer);
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");

        // A verifier holding the emulator's JWKS (fetched from 127.0.0.1, not from the issuer's host).
        JWKSet keys = JWKSet.parse(Oidc.jwks(emulator.endpoint(), poolId).toString());
        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(keys)));
        verifier.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "id").build(), Set.of("sub", "exp")));
        assertThat(verifier.process(tokens.idToken(), null).getClaim("cognito:username")).isEqualTo("alice");

        // The emulator still accepts its tokens, and refresh keeps the issuer.
        assertThat(cognito.getUser(b -> b.accessToken(tokens.accessToken())).username()).isEqualTo("alice");
        String refreshed = refresh(poolId, clientId, tokens.refreshToken()).idToken();
        assertThat(Oidc.claims(refreshed).getIssuer()).isEqualTo(issuer);
    }
}
