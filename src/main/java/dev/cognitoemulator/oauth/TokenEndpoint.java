package dev.cognitoemulator.oauth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.OAuthSettings;
import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.signin.AuthResult;
import dev.cognitoemulator.signin.SignIn;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.TokenCustomization;
import dev.cognitoemulator.triggers.PreTokenGeneration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth2/token} (documented: developer guide, "Token endpoint"): {@code client_credentials} for a
 * confidential client that allows it, {@code refresh_token} for the refresh tokens of the API's and the hosted UI's
 * sign-ins, and {@code authorization_code} for the codes of the authorization endpoint. Errors are {@code {"error":"<code>"}} with status 400, as the guide's negative responses show.
 */
public final class TokenEndpoint {

    /** The pool and the scopes of its resource servers that a client may be granted. */
    private record Machine(UserPool pool, List<String> scopes) {
    }

    private final Services services;
    private final Issuer issuer;
    private final PreTokenGeneration preTokens;
    private final Authorizations authorizations;

    public TokenEndpoint(Services services, Issuer issuer, Authorizations authorizations) {
        this.services = services;
        this.issuer = issuer;
        this.preTokens = new PreTokenGeneration(services.lambdas());
        this.authorizations = authorizations;
    }

    /** The token response's members, in Cognito's order. */
    public Map<String, Object> token(OAuthRequest request, Instant now) {
        String grantType = request.parameter("grant_type");
        if (grantType == null) {
            throw OAuthError.of(400, "invalid_request");
        }
        if (!List.of("client_credentials", "refresh_token", "authorization_code").contains(grantType)) {
            throw OAuthError.of(400, "unsupported_grant_type");
        }
        ClientAuthentication.Authenticated caller = ClientAuthentication.authenticate(services.store(), request, 400);
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(caller, request.parameter("scope"), now);
            case "refresh_token" -> refresh(caller, request.parameter("refresh_token"), now);
            default -> authorizationCode(caller, request, now);
        };
    }

    /**
     * An access token for the client itself, with scopes of its resource servers: those asked for (each allowed
     * to the client), or all the client's when none are asked. Documented: developer guide, token endpoint
     * ("client_credentials ... requested scope is enabled, you have configured a client secret, and you have
     * allowed client_credentials grants"; "If the client doesn't request any scopes, the authentication server
     * uses all custom scopes associated with the client").
     */
    private Map<String, Object> clientCredentials(ClientAuthentication.Authenticated caller, String scope,
            Instant now) {
        AppClient client = caller.client();
        requireFlow(client, "client_credentials");
        if (!client.hasSecret()) {
            throw OAuthError.of(400, "unauthorized_client");
        }
        Machine machine = services.store().read(caller.poolId(), pool -> {
            List<String> scopes = new ArrayList<>();
            for (String allowed : client.oauth().allowedScopes() == null ? List.<String>of()
                    : client.oauth().allowedScopes()) {
                int slash = allowed.lastIndexOf('/');
                ResourceServer server = slash <= 0 ? null : pool.resourceServer(allowed.substring(0, slash));
                if (server != null && server.defines(allowed)) {
                    scopes.add(allowed);
                }
            }
            return new Machine(pool.pool(), scopes);
        });
        List<String> custom = machine.scopes();
        List<String> granted;
        if (scope == null) {
            granted = custom;
        } else {
            granted = new ArrayList<>();
            for (String asked : Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).distinct().toList()) {
                if (!custom.contains(asked)) {
                    // Captured: repost.aws QUnhrxb08MRJaH7hIRtUnCKA ({"error":"invalid_scope"}); status 400 as
                    // the guide's other token errors (unconfirmed).
                    throw OAuthError.of(400, "invalid_scope");
                }
                granted.add(asked);
            }
        }
        if (granted.isEmpty()) {
            // Unconfirmed: a client_credentials token always carries a resource server's scope in Cognito.
            throw OAuthError.of(400, "invalid_scope");
        }
        // PreTokenGeneration V3_0, outside the pool's lock.
        TokenCustomization customization = preTokens.client(machine.pool(), client, granted);
        String token = services.tokens().clientAccessToken(issuer.of(caller.poolId()), client, granted, now,
                customization, services.keys().of(caller.poolId()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("expires_in", client.validity().accessTtl().getSeconds());
        answer.put("token_type", "Bearer");
        return answer;
    }

    /**
     * New ID and access tokens from a refresh token, as GetTokensFromRefreshToken mints them (the client's
     * refresh-token rotation included: a new refresh token only then). A refresh token that is unknown, expired,
     * revoked, rotated out, another client's, or bound to a remembered device is {@code invalid_grant}
     * (documented: developer guide, token endpoint: with remembered devices, refresh through the API).
     */
    private Map<String, Object> refresh(ClientAuthentication.Authenticated caller, String refreshToken,
            Instant now) {
        if (refreshToken == null) {
            throw OAuthError.of(400, "invalid_request");
        }
        AuthResult.Tokens tokens;
        try {
            tokens = services.signIn().refreshTokens(caller.poolId(), caller.client().clientId(), refreshToken,
                    caller.secret(), null, null, now).tokens();
        } catch (CognitoException e) {
            if (e.code() == ErrorCode.NotAuthorizedException || e.code() == ErrorCode.RefreshTokenReuseException) {
                throw OAuthError.of(400, "invalid_grant");
            }
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id_token", tokens.idToken());
        answer.put("access_token", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            answer.put("refresh_token", tokens.refreshToken());
        }
        answer.put("expires_in", tokens.expiresIn());
        answer.put("token_type", "Bearer");
        return answer;
    }

    /**
     * An authorization code of the authorization endpoint for tokens: the code checked and spent by
     * {@link Authorizations#redeem} (its client, redirect URI, PKCE verifier), then the tokens the authorization
     * granted (documented: developer guide, token endpoint, authorization code grant; response members in its
     * order). A user deleted or disabled since is {@code invalid_grant} too.
     */
    private Map<String, Object> authorizationCode(ClientAuthentication.Authenticated caller, OAuthRequest request,
            Instant now) {
        requireFlow(caller.client(), "code");
        String code = request.parameter("code");
        String redirectUri = request.parameter("redirect_uri");
        if (code == null || redirectUri == null) {
            throw OAuthError.of(400, "invalid_request");
        }
        SignIn.AuthorizedTokens tokens;
        try {
            tokens = authorizations.redeem(code, caller.client().clientId(), redirectUri,
                    request.parameter("code_verifier"), now);
        } catch (CognitoException e) {
            if (e.code() == ErrorCode.NotAuthorizedException || e.code() == ErrorCode.UserNotFoundException) {
                throw OAuthError.of(400, "invalid_grant");
            }
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (tokens.idToken() != null) {
            answer.put("id_token", tokens.idToken());
        }
        answer.put("access_token", tokens.accessToken());
        answer.put("refresh_token", tokens.refreshToken());
        answer.put("expires_in", tokens.expiresIn());
        answer.put("token_type", "Bearer");
        return answer;
    }

    /**
     * The client must allow the grant's OAuth flow and have OAuth on for the user pool (AllowedOAuthFlows,
     * AllowedOAuthFlowsUserPoolClient); else {@code unauthorized_client} (documented: "Client is not allowed for
     * code grant flow or for refreshing tokens").
     */
    private static void requireFlow(AppClient client, String flow) {
        OAuthSettings oauth = client.oauth();
        if (oauth == null || !oauth.allowedFlowsUserPoolClient() || oauth.allowedFlows() == null
                || !oauth.allowedFlows().contains(flow)) {
            throw OAuthError.of(400, "unauthorized_client");
        }
    }
}
