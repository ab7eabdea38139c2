package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ClientSecret;
import dev.cognitoemulator.domain.OAuthSettings;
import dev.cognitoemulator.domain.TokenValidity;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AnalyticsConfigurationType;
import dev.cognitoemulator.model.CreateUserPoolClientRequest;
import dev.cognitoemulator.model.PreventUserExistenceErrorTypes;
import dev.cognitoemulator.model.RefreshTokenRotationType;
import dev.cognitoemulator.model.TokenValidityUnitsType;
import dev.cognitoemulator.model.UpdateUserPoolClientRequest;
import dev.cognitoemulator.model.UserPoolClientType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * App clients on the wire, in one place: the {@link AppClient} of a CreateUserPoolClient or UpdateUserPoolClient
 * request (both reset what they are not given to AWS's defaults), and the {@code UserPoolClientType} they and
 * DescribeUserPoolClient return.
 */
final class Clients {

    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");
    /** AWS's default when ExplicitAuthFlows is not given (CreateUserPoolClient documentation). */
    private static final List<String> DEFAULT_FLOWS = List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH",
            "ALLOW_USER_SRP_AUTH");

    /** The client's values, whichever of the two requests gave them. */
    private record Given(String clientName, List<String> explicitAuthFlows, Integer accessTokenValidity,
            Integer idTokenValidity, Integer refreshTokenValidity, TokenValidityUnitsType units,
            List<String> readAttributes, List<String> writeAttributes, String preventUserExistenceErrors,
            Boolean enableTokenRevocation, Integer authSessionValidity, OAuthSettings oauth,
            AnalyticsConfigurationType analytics, Boolean propagateUserContextData,
            RefreshTokenRotationType refreshTokenRotation) {
    }

    private Clients() {
    }

    static AppClient created(CreateUserPoolClientRequest r, UserPool pool, String clientId, String secret,
            Instant now) {
        return build(new Given(r.clientName(), r.explicitAuthFlows(), r.accessTokenValidity(), r.idTokenValidity(),
                r.refreshTokenValidity(), r.tokenValidityUnits(), r.readAttributes(), r.writeAttributes(),
                r.preventUserExistenceErrors(), r.enableTokenRevocation(), r.authSessionValidity(),
                new OAuthSettings(r.allowedOAuthFlows(), r.allowedOAuthScopes(),
                        Boolean.TRUE.equals(r.allowedOAuthFlowsUserPoolClient()), r.callbackURLs(), r.logoutURLs(),
                        r.defaultRedirectURI(), r.supportedIdentityProviders()),
                r.analyticsConfiguration(), r.enablePropagateAdditionalUserContextData(), r.refreshTokenRotation()),
                pool, clientId, secret == null ? List.of() : List.of(ClientSecret.of(clientId, secret, now)), now, now,
                "creating");
    }

    static AppClient updated(UpdateUserPoolClientRequest r, UserPool pool, AppClient current, Instant now) {
        return build(new Given(r.clientName(), r.explicitAuthFlows(), r.accessTokenValidity(), r.idTokenValidity(),
                r.refreshTokenValidity(), r.tokenValidityUnits(), r.readAttributes(), r.writeAttributes(),
                r.preventUserExistenceErrors(), r.enableTokenRevocation(), r.authSessionValidity(),
                new OAuthSettings(r.allowedOAuthFlows(), r.allowedOAuthScopes(),
                        Boolean.TRUE.equals(r.allowedOAuthFlowsUserPoolClient()), r.callbackURLs(), r.logoutURLs(),
                        r.defaultRedirectURI(), r.supportedIdentityProviders()),
                r.analyticsConfiguration(), r.enablePropagateAdditionalUserContextData(), r.refreshTokenRotation()),
                pool, current.clientId(), current.secrets(), current.creationDate(), now, "updating");
    }

    private static AppClient build(Given g, UserPool pool, String clientId, List<ClientSecret> secrets,
            Instant created, Instant now, String action) {
        return new AppClient(clientId, pool.id(), g.clientName(), secrets, flows(g.explicitAuthFlows()), validity(g),
                attributes(g.readAttributes(), pool, "read", action),
                attributes(g.writeAttributes(), pool, "write", action),
                g.preventUserExistenceErrors() == null ? PreventUserExistenceErrorTypes.LEGACY
                        : g.preventUserExistenceErrors(),
                g.enableTokenRevocation() == null || g.enableTokenRevocation(),
                g.authSessionValidity() == null ? 3 : g.authSessionValidity(), g.oauth(), g.analytics(),
                Boolean.TRUE.equals(g.propagateUserContextData()), g.refreshTokenRotation(), created, now);
    }

    /** The client as {@code UserPoolClientType}. */
    static UserPoolClientType describe(AppClient client) {
        TokenValidity v = client.validity();
        OAuthSettings o = client.oauth();
        return UserPoolClientType.builder()
                .userPoolId(client.userPoolId())
                .clientName(client.clientName())
                .clientId(client.clientId())
                .clientSecret(client.shownSecret())
                .lastModifiedDate(client.lastModifiedDate())
                .creationDate(client.creationDate())
                .refreshTokenValidity(v.refresh())
                .accessTokenValidity(v.access())
                .idTokenValidity(v.id())
                .tokenValidityUnits(new TokenValidityUnitsType(v.accessUnit(), v.idUnit(), v.refreshUnit()))
                .readAttributes(client.readAttributes())
                .writeAttributes(client.writeAttributes())
                .explicitAuthFlows(client.explicitAuthFlows())
                .supportedIdentityProviders(o.supportedIdentityProviders())
                .callbackURLs(o.callbackUrls())
                .logoutURLs(o.logoutUrls())
                .defaultRedirectURI(o.defaultRedirectUri())
                .allowedOAuthFlows(o.allowedFlows())
                .allowedOAuthScopes(o.allowedScopes())
                .allowedOAuthFlowsUserPoolClient(o.allowedFlowsUserPoolClient())
                .analyticsConfiguration(client.analytics())
                .preventUserExistenceErrors(client.preventUserExistenceErrors())
                .enableTokenRevocation(client.enableTokenRevocation())
                .enablePropagateAdditionalUserContextData(client.propagateAdditionalUserContextData())
                .authSessionValidity(client.authSessionValidityMinutes())
                .refreshTokenRotation(client.refreshTokenRotation())
                .build();
    }

    private static List<String> flows(List<String> given) {
        if (given == null || given.isEmpty()) {
            return DEFAULT_FLOWS;
        }
        List<String> flows = given.stream().distinct().toList();
        boolean legacy = flows.stream().anyMatch(LEGACY_FLOWS::contains);
        boolean current = flows.stream().anyMatch(f -> !LEGACY_FLOWS.contains(f));
        if (legacy && current) {
            // Unconfirmed text.
            throw invalid("Explicit auth flows cannot mix legacy values (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, "
                    + "USER_PASSWORD_AUTH) with ALLOW_ values.");
        }
        if (current && !flows.contains("ALLOW_REFRESH_TOKEN_AUTH")) {
            // Captured: aws/aws-cdk#7625.
            throw invalid("REFRESH_TOKEN_AUTH should always be allowed.");
        }
        return flows;
    }

    /**
     * Values in their units: access and ID tokens in hours unless told otherwise, 5 minutes to 1 day; refresh
     * tokens in days, 60 minutes to 10 years (AWS's documentation). A value not given (or a refresh validity
     * of 0) is AWS's default: 60 minutes, 60 minutes, 30 days.
     */
    private static TokenValidity validity(Given g) {
        TokenValidity d = TokenValidity.DEFAULT;
        TokenValidityUnitsType units = g.units();
        boolean refreshGiven = g.refreshTokenValidity() != null && g.refreshTokenValidity() != 0;
        TokenValidity v = new TokenValidity(
                g.accessTokenValidity() != null ? g.accessTokenValidity() : d.access(),
                g.accessTokenValidity() != null ? unit(units == null ? null : units.accessToken(), "hours")
                        : d.accessUnit(),
                g.idTokenValidity() != null ? g.idTokenValidity() : d.id(),
                g.idTokenValidity() != null ? unit(units == null ? null : units.idToken(), "hours") : d.idUnit(),
                refreshGiven ? g.refreshTokenValidity() : d.refresh(),
                refreshGiven ? unit(units == null ? null : units.refreshToken(), "days") : d.refreshUnit());
        checkRange(v.accessTtl(), Duration.ofMinutes(5), Duration.ofDays(1));
        checkRange(v.idTtl(), Duration.ofMinutes(5), Duration.ofDays(1));
        checkRange(v.refreshTtl(), Duration.ofMinutes(60), Duration.ofDays(3650));
        return v;
    }

    private static void checkRange(Duration ttl, Duration min, Duration max) {
        if (ttl.compareTo(min) < 0 || ttl.compareTo(max) > 0) {
            // Captured: aws-samples/cloudfront-authorization-at-edge#144.
            throw invalid("Invalid range for token validity.");
        }
    }

    private static String unit(String given, String fallback) {
        return given == null ? fallback : given;
    }

    /**
     * Attribute names a client may read or write: each in the schema; {@code sub} can't be written (unconfirmed: the
     * captured text for an attribute a client may not write).
     */
    private static List<String> attributes(List<String> names, UserPool pool, String kind, String action) {
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (pool.attribute(name) == null || ("write".equals(kind) && "sub".equals(name))) {
                // Captured: jmaleonard/serverless-cognito-add-custom-attributes#4, aws/aws-cdk#2608, #34379.
                throw invalid("Invalid " + kind + " attributes specified while " + action + " a client");
            }
        }
        return names.stream().distinct().toList();
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
