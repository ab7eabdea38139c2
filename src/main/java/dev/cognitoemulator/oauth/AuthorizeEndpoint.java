package dev.cognitoemulator.oauth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.OAuthSettings;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /oauth2/authorize} (documented: developer guide, "The redirect and authorization endpoint"): the
 * request read and checked in Cognito's order, then a single sign-on session of the pool finishes it at once
 * ({@code prompt=login} asks for the form again), an external provider takes it ({@link FederatedSignIn}), or the
 * browser goes to the login page with the same parameters. The hosted UI's pages read their query with
 * {@link #read}, the same checks.
 */
public final class AuthorizeEndpoint {

    /** The one PKCE method Cognito takes (captured: repost.aws QU82Bu0s1qQlOQai_BcW5hSw, "S256 ... is the only
     * method Cognito supports"; documented: authorization endpoint, a code_challenge_method other than S256 is an
     * error). */
    static final String S256 = "S256";
    /** The provider name of the pool's own users (SupportedIdentityProviders). */
    public static final String COGNITO = "COGNITO";
    /** Documented: developer guide, authorization endpoint, {@code prompt} (managed login). */
    private static final Set<String> PROMPTS = Set.of("login", "none", "select_account", "consent");

    /** What the endpoint answers. */
    public sealed interface Outcome {
    }

    /** To the login page with {@code request}'s parameters. */
    public record ShowLogin(AuthorizationRequest request) implements Outcome {
    }

    /** A redirect: to the client (single sign-on) or to an external provider; {@code session} to set, or null. */
    public record Redirect(String location, Authorizations.Session session) implements Outcome {
    }

    private final UserPoolStore store;
    private final Authorizations authorizations;
    private final FederatedSignIn federation;

    public AuthorizeEndpoint(UserPoolStore store, Authorizations authorizations, FederatedSignIn federation) {
        this.store = store;
        this.authorizations = authorizations;
        this.federation = federation;
    }

    /**
     * @param sessionId the {@value Authorizations#SESSION_COOKIE} cookie, or null
     */
    public Outcome authorize(Map<String, String> query, String sessionId, Instant now) {
        AuthorizationRequest request = read(query);
        String prompt = parameter(query, "prompt");
        if (prompt != null && !PROMPTS.contains(prompt)) {
            // Unconfirmed: Cognito's answer to a prompt value it does not know.
            throw AuthorizationError.redirect(request, "invalid_request", null);
        }
        String provider = parameter(query, "identity_provider");
        String identifier = parameter(query, "idp_identifier");
        if ((provider != null && !provider.equals(COGNITO)) || (provider == null && identifier != null)) {
            String location = federation.start(request, provider, identifier, now);
            if (location == null) {
                // Unconfirmed: the error (and no description) of an identity provider the pool does not have.
                throw AuthorizationError.redirect(request, "invalid_request", null);
            }
            return new Redirect(location, null);
        }
        Authorizations.Session session = "login".equals(prompt) ? null : liveSession(request, sessionId, now);
        if (session != null) {
            return new Redirect(authorizations.resume(request, session, now).location(), null);
        }
        if ("none".equals(prompt)) {
            // OpenID Connect Core section 3.1.2.6; unconfirmed for Cognito.
            throw AuthorizationError.redirect(request, "login_required", null);
        }
        return new ShowLogin(request);
    }

    /** The session, when it is of the request's pool and its user can still sign in; else null. */
    private Authorizations.Session liveSession(AuthorizationRequest request, String sessionId, Instant now) {
        Authorizations.Session session = authorizations.session(sessionId, now);
        if (session == null || !session.poolId().equals(request.poolId())) {
            return null;
        }
        boolean usable = store.read(request.poolId(), pool -> {
            User user = pool.bySub(session.sub());
            return user != null && user.enabled();
        });
        if (!usable) {
            authorizations.endSession(session.id());
            return null;
        }
        return session;
    }

    /**
     * The request's parameters checked in Cognito's order: the client and its redirect URI (an error page when
     * either is wrong), then the rest (a redirect with the error).
     */
    public AuthorizationRequest read(Map<String, String> query) {
        String clientId = parameter(query, "client_id");
        if (clientId == null) {
            throw AuthorizationError.page("invalid_request", "The request has no client_id.", null);
        }
        String poolId;
        try {
            poolId = store.poolOfClient(clientId);
        } catch (CognitoException e) {
            throw AuthorizationError.page("invalid_request", "No app client has the id " + clientId + ".", clientId);
        }
        String redirectUri = parameter(query, "redirect_uri");
        AppClient client = store.read(poolId, pool -> {
            if (pool.domains().isEmpty()) {
                throw AuthorizationError.page("invalid_request", "The user pool " + poolId
                        + " has no domain: Cognito serves its hosted UI at a domain (CreateUserPoolDomain).", clientId);
            }
            return pool.client(clientId);
        });
        if (client == null) {
            throw AuthorizationError.page("invalid_request", "No app client has the id " + clientId + ".", clientId);
        }
        OAuthSettings oauth = client.oauth();
        List<String> callbacks = oauth == null || oauth.callbackUrls() == null ? List.of() : oauth.callbackUrls();
        if (redirectUri == null || !callbacks.contains(redirectUri)) {
            // Captured: /error?error=redirect_mismatch&client_id=... (aws/aws-aspnet-cognito-identity-provider#167).
            throw AuthorizationError.page("redirect_mismatch", null, clientId);
        }
        String responseType = parameter(query, "response_type");
        String state = parameter(query, "state");
        boolean implicit = AuthorizationRequest.TOKEN.equals(responseType);
        if (responseType == null) {
            // Documented: "The request doesn't include a response_type parameter" is invalid_request.
            throw AuthorizationError.redirect(redirectUri, state, false, clientId, "invalid_request", null);
        }
        if (!implicit && !AuthorizationRequest.CODE.equals(responseType)) {
            // RFC 6749 section 4.1.2.1; unconfirmed for Cognito.
            throw AuthorizationError.redirect(redirectUri, state, false, clientId, "unsupported_response_type", null);
        }
        String flow = implicit ? "implicit" : "code";
        if (!oauth.allowedFlowsUserPoolClient() || oauth.allowedFlows() == null
                || !oauth.allowedFlows().contains(flow)) {
            // Documented: "the client ... doesn't have permission for these requests" is unauthorized_client.
            throw AuthorizationError.redirect(redirectUri, state, implicit, clientId, "unauthorized_client", null);
        }
        String challenge = parameter(query, "code_challenge");
        String method = parameter(query, "code_challenge_method");
        if ((challenge != null || method != null) && !implicit && (challenge == null || !S256.equals(method))) {
            // Documented: a code_challenge without code_challenge_method, or a method other than S256, is
            // invalid_request.
            throw AuthorizationError.redirect(redirectUri, state, false, clientId, "invalid_request", null);
        }
        List<String> allowed = oauth.allowedScopes() == null ? List.of() : oauth.allowedScopes();
        String scope = parameter(query, "scope");
        List<String> scopes;
        if (scope == null) {
            // Documented: without scope, "Amazon Cognito ... grants all scopes that are allowed for the client".
            scopes = allowed;
        } else {
            scopes = new ArrayList<>();
            for (String s : scope.split(" ")) {
                if (s.isEmpty() || scopes.contains(s)) {
                    continue;
                }
                if (!allowed.contains(s)) {
                    // Documented: a scope that is unknown, malformed or not valid is invalid_scope.
                    throw AuthorizationError.redirect(redirectUri, state, implicit, clientId, "invalid_scope", null);
                }
                scopes.add(s);
            }
        }
        return new AuthorizationRequest(poolId, clientId, responseType, redirectUri, scopes, state,
                parameter(query, "nonce"), implicit ? null : challenge, parameter(query, "lang"));
    }

    /** A parameter, null when absent or empty (RFC 6749 section 3.1). */
    private static String parameter(Map<String, String> query, String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
