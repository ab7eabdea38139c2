package dev.cognitoemulator.oauth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.tokens.TokenService;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET|POST /oauth2/userInfo} (documented: developer guide, "UserInfo endpoint"): a bearer access token with
 * the {@code openid} scope, answered with the user's attributes its scopes allow, within what the client may read.
 * Access tokens of the API's sign-ins carry only {@code aws.cognito.signin.user.admin} and are refused (documented:
 * "Because they don't contain any scopes, the userInfo endpoint doesn't accept these access tokens").
 */
public final class UserInfoEndpoint {

    /** Documented: developer guide, UserInfo endpoint, "Invalid token". */
    static final String INVALID_TOKEN =
            "Access token is expired, disabled, or deleted, or the user has globally signed out.";
    /** Documented: developer guide, UserInfo endpoint, "Invalid request". */
    static final String BAD_REQUEST = "Bad OAuth2 request at UserInfo Endpoint";
    /** Captured: simov/grant#189 (Cognito's answer to a token without openid). */
    static final String NO_OPENID = "Access token does not contain openid scope";

    private static final List<String> PROFILE = List.of("name", "family_name", "given_name", "middle_name",
            "nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
            "locale", "updated_at");
    private static final List<String> EMAIL = List.of("email", "email_verified");
    private static final List<String> PHONE = List.of("phone_number", "phone_number_verified");

    private final Services services;

    public UserInfoEndpoint(Services services) {
        this.services = services;
    }

    public Map<String, Object> userInfo(String authorization, Instant now) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw OAuthError.bearer(400, "invalid_request", BAD_REQUEST);
        }
        TokenService.AccessToken token;
        try {
            token = services.tokens().readAccess(authorization.substring(7).trim());
        } catch (CognitoException e) {
            throw OAuthError.bearer(401, "invalid_token", INVALID_TOKEN);
        }
        try {
            return services.store().read(token.poolId(), pool -> {
                try {
                    services.tokens().verify(token, pool.signingKey(), now);
                } catch (CognitoException e) {
                    throw OAuthError.bearer(401, "invalid_token", INVALID_TOKEN);
                }
                Set<String> scopes = Set.copyOf(Arrays.asList(String.valueOf(
                        claim(token, "scope")).split(" ")));
                if (!scopes.contains("openid")) {
                    // Status unconfirmed: RFC 6750 would say 403 insufficient_scope; the capture gives the text.
                    throw OAuthError.bearer(401, "invalid_token", NO_OPENID);
                }
                User user = token.sub() == null ? null : pool.bySub(token.sub());
                RefreshGrant grant = token.originJti() == null ? null : pool.grantByOrigin(token.originJti());
                AppClient client = token.clientId() == null ? null : pool.client(token.clientId());
                if (user == null || !user.enabled() || grant == null || grant.revoked() || client == null) {
                    throw OAuthError.bearer(401, "invalid_token", INVALID_TOKEN);
                }
                return claims(user, client, scopes);
            });
        } catch (CognitoException e) {
            // The token's pool is gone.
            throw OAuthError.bearer(401, "invalid_token", INVALID_TOKEN);
        }
    }

    private static Object claim(TokenService.AccessToken token, String name) {
        try {
            return token.jwt().getJWTClaimsSet().getClaim(name);
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    /**
     * {@code sub}, the attributes of the scopes ({@code openid} alone: every attribute the client reads;
     * {@code profile}: the profile claims and the custom attributes; {@code email}, {@code phone}: their pairs),
     * and {@code username} (documented: developer guide, UserInfo endpoint, the scopes' table and example).
     */
    private static Map<String, Object> claims(User user, AppClient client, Set<String> scopes) {
        boolean all = !scopes.contains("profile") && !scopes.contains("email") && !scopes.contains("phone");
        List<String> readable = client.readAttributes();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sub", user.sub());
        user.attributes().forEach((name, value) -> {
            if ("sub".equals(name) || name.startsWith(SchemaAttribute.DEVELOPER_PREFIX)
                    || (readable != null && !readable.contains(name))) {
                return;
            }
            boolean scoped = all || (scopes.contains("profile") && (PROFILE.contains(name)
                    || name.startsWith("custom:")))
                    || (scopes.contains("email") && EMAIL.contains(name))
                    || (scopes.contains("phone") && PHONE.contains(name));
            if (scoped) {
                answer.put(name, value);
            }
        });
        answer.put("username", user.username());
        return answer;
    }
}
