package dev.cognitoemulator.oauth;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.hostedui.WebClient;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The OAuth 2.0 endpoints driven by a standard relying-party library, Nimbus oauth2-oidc-sdk: discovery, the
 * authorization endpoint (the library's request, through the login page by an HTTP client), the token endpoint
 * (authorization_code with PKCE, client_credentials, refresh_token), the JWKS, ID token validation (nonce, at_hash),
 * userInfo, revocation and the library's parsing of an error answer. What the library requires of the wire is what this test checks.
 */
class NimbusRelyingPartyTest extends CognitoTestSupport {

    private final TestClock clock = new TestClock();
    private final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.seeded(23));

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).store(store);
    }

    /** A pool with a domain and a resource server {@code orders} with scopes read and write. */
    private String oauthPool() {
        String poolId = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain("rp-" + UUID.randomUUID()));
        cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("orders").name("Orders")
                .scopes(ResourceServerScopeType.builder().scopeName("read").scopeDescription("read").build(),
                        ResourceServerScopeType.builder().scopeName("write").scopeDescription("write").build()));
        return poolId;
    }

    /** The emulator's endpoints are at the base of the issuer, which names the listener as localhost. */
    private URI local(String path) {
        return URI.create("http://localhost:" + emulator.port() + path);
    }

    private OIDCProviderMetadata discover(String poolId) throws Exception {
        Issuer issuer = new Issuer(local("/" + poolId));
        // resolve() fetches <issuer>/.well-known/openid-configuration and checks that its issuer is this one.
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer);
        assertThat(metadata.getIssuer()).isEqualTo(issuer);
        return metadata;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(OIDCProviderMetadata metadata) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(false).build()));
        return processor;
    }

    private static TokenResponse token(OIDCProviderMetadata metadata, ClientAuthentication auth,
            com.nimbusds.oauth2.sdk.AuthorizationGrant grant, Scope scope) throws Exception {
        HTTPResponse http = new TokenRequest(metadata.getTokenEndpointURI(), auth, grant, scope).toHTTPRequest()
                .send();
        return OIDCTokenResponseParser.parse(http);
    }

    @Test
    void clientCredentialsWithBasicAuthVerifiedAgainstThePoolsJwks() throws Exception {
        String poolId = oauthPool();
        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes("orders/read", "orders/write"));
        OIDCProviderMetadata metadata = discover(poolId);
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(local("/oauth2/token"));

        TokenResponse response = token(metadata, new ClientSecretBasic(new ClientID(client.clientId()),
                new Secret(client.clientSecret())), new ClientCredentialsGrant(), new Scope("orders/read"));

        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        AccessToken accessToken = response.toSuccessResponse().getTokens().getAccessToken();
        assertThat(accessToken).isInstanceOf(BearerAccessToken.class);
        assertThat(accessToken.getLifetime()).isEqualTo(3600L);
        JWTClaimsSet claims = processor(metadata).process(accessToken.getValue(), null);
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders/read");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getIssuer()).isEqualTo(metadata.getIssuer().getValue());

        // A wrong secret: the library reads the error answer as invalid_client.
        TokenResponse refused = token(metadata, new ClientSecretBasic(new ClientID(client.clientId()),
                new Secret("wrong")), new ClientCredentialsGrant(), null);
        assertThat(refused).isInstanceOf(TokenErrorResponse.class);
        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_CLIENT_CODE);
        assertThat(refused.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(400);
    }

    @Test
    void authorizationCodeWithPkceThroughTheLoginPageThenIdTokenUserInfoRefreshAndRevocation() throws Exception {
        String poolId = oauthPool();
        URI callback = URI.create("https://rp.example.com/callback");
        UserPoolClientType client = newClient(poolId, b -> b.generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email").callbackURLs(callback.toString())
                .supportedIdentityProviders("COGNITO"));
        confirmedUser(poolId, "hana", attr("email", "hana@example.com"), attr("email_verified", "true"));
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username("hana")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        OIDCProviderMetadata metadata = discover(poolId);
        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(local("/oauth2/authorize"));
        ClientID clientId = new ClientID(client.clientId());
        Secret secret = new Secret(client.clientSecret());

        // The library's authentication request, driven through the login page by an HTTP client with cookies.
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email"), clientId,
                callback).endpointURI(metadata.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        WebClient browser = new WebClient(emulator.endpoint());
        WebClient.Page toLogin = browser.get(authorize.toString());
        WebClient.Page done = browser.submit(browser.get(toLogin.location()), "username", "hana", "password",
                PASSWORD);
        AuthenticationResponse answer = AuthenticationResponseParser.parse(URI.create(done.location()));
        assertThat(answer.indicatesSuccess()).isTrue();
        assertThat(answer.getState()).isEqualTo(state);
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();

        TokenResponse exchanged = token(metadata, new ClientSecretBasic(clientId, secret),
                new AuthorizationCodeGrant(code, callback, verifier), null);
        assertThat(exchanged.indicatesSuccess()).as(() -> exchanged.toErrorResponse().getErrorObject().toString())
                .isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) exchanged).getOIDCTokens();
        IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId, JWSAlgorithm.RS256,
                metadata.getJWKSetURI().toURL());
        IDTokenClaimsSet id = validator.validate(tokens.getIDToken(), nonce);
        assertThat(id.getSubject().getValue()).isEqualTo(sub);
        assertThat(id.getStringClaim("email")).isEqualTo("hana@example.com");
        assertThat(id.getAudience()).extracting(a -> a.getValue()).containsExactly(client.clientId());
        AccessTokenValidator.validate(tokens.getAccessToken(), JWSAlgorithm.RS256, id.getAccessTokenHash());
        // The code was spent: the library reads the second exchange's refusal as invalid_grant.
        TokenResponse reused = token(metadata, new ClientSecretBasic(clientId, secret),
                new AuthorizationCodeGrant(code, callback, verifier), null);
        assertThat(reused.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT_CODE);

        String refreshToken = tokens.getRefreshToken().getValue();
        TokenResponse response = token(metadata, new ClientSecretPost(clientId, secret),
                new RefreshTokenGrant(new RefreshToken(refreshToken)), null);

        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        assertThat(response).isInstanceOf(OIDCTokenResponse.class);
        OIDCTokenResponse oidc = (OIDCTokenResponse) response;
        assertThat(validator.validate(oidc.getOIDCTokens().getIDToken(), null).getSubject().getValue())
                .isEqualTo(sub);


        BearerAccessToken accessToken = oidc.getOIDCTokens().getBearerAccessToken();
        assertThat(processor(metadata).process(accessToken.getValue(), null).getStringClaim("scope"))
                .isEqualTo("openid email");
        assertThat(metadata.getUserInfoEndpointURI()).isEqualTo(local("/oauth2/userInfo"));
        UserInfoResponse userInfoResponse = UserInfoResponse.parse(
                new UserInfoRequest(metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
        assertThat(userInfoResponse.indicatesSuccess()).isTrue();
        UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
        assertThat(userInfo.getSubject().getValue()).isEqualTo(sub);
        assertThat(userInfo.getEmailAddress()).isEqualTo("hana@example.com");
        // Cognito answers email_verified as the string "true", not the boolean OIDC Core names (captured:
        // coreos/go-oidc#249, pomerium/pomerium#792, zitadel/oidc#139), so the library's typed getter finds no
        // boolean: a relying party reads the string.
        assertThat(userInfo.getStringClaim("email_verified")).isEqualTo("true");
        assertThat(userInfo.getEmailVerified()).isNull();

        URI revocation = metadata.getRevocationEndpointURI();
        assertThat(revocation).isEqualTo(local("/oauth2/revoke"));
        HTTPResponse revoked = new TokenRevocationRequest(revocation, new ClientSecretBasic(clientId, secret),
                new RefreshToken(refreshToken)).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);

        TokenResponse again = token(metadata, new ClientSecretPost(clientId, secret),
                new RefreshTokenGrant(new RefreshToken(refreshToken)), null);
        assertThat(again.indicatesSuccess()).isFalse();
        assertThat(again.toErrorResponse().getErrorObject().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT_CODE);
        // The revoked grant's access token is refused at userInfo too.
        UserInfoResponse afterRevoke = UserInfoResponse.parse(
                new UserInfoRequest(metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
        assertThat(afterRevoke.indicatesSuccess()).isFalse();
        assertThat(afterRevoke.toErrorResponse().getErrorObject().getCode())
                .isEqualTo(BearerTokenError.INVALID_TOKEN.getCode());
    }
}
