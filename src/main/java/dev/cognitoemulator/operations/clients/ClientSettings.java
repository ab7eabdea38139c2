package dev.cognitoemulator.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.TokenValidity;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.operations.Members;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app client from a CreateUserPoolClient or UpdateUserPoolClient request (both reset what they are not
 * given to AWS's defaults), and the {@code UserPoolClientType} DescribeUserPoolClient returns.
 */
final class ClientSettings {

    /** Members kept as given, by wire name. */
    private static final List<String> KEPT = List.of("SupportedIdentityProviders", "CallbackURLs", "LogoutURLs",
            "DefaultRedirectURI", "AllowedOAuthFlows", "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient",
            "AnalyticsConfiguration", "EnablePropagateAdditionalUserContextData", "RefreshTokenRotation");
    private static final Set<String> LEGACY_FLOWS = Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
            "USER_PASSWORD_AUTH");
    /** AWS's default when ExplicitAuthFlows is not given (CreateUserPoolClient documentation). */
    private static final List<String> DEFAULT_FLOWS = List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH",
            "ALLOW_USER_SRP_AUTH");

    private ClientSettings() {
    }

    static AppClient build(JsonNode request, UserPool pool, String clientId, String secret, Instant created,
            Instant now, boolean creating) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String name : KEPT) {
            JsonNode value = request.get(name);
            if (value != null && !value.isNull()) {
                kept.put(name, Json.MAPPER.convertValue(value, Object.class));
            }
        }
        String action = creating ? "creating" : "updating";
        return new AppClient(clientId, pool.id(), Members.text(request, "ClientName"), secret, flows(request),
                validity(request), attributes(request, "ReadAttributes", pool, "read", action),
                attributes(request, "WriteAttributes", pool, "write", action),
                Members.text(request, "PreventUserExistenceErrors") == null ? "LEGACY"
                        : Members.text(request, "PreventUserExistenceErrors"),
                !request.has("EnableTokenRevocation") || request.get("EnableTokenRevocation").booleanValue(),
                request.has("AuthSessionValidity") ? request.get("AuthSessionValidity").intValue() : 3,
                created, now, Collections.unmodifiableMap(kept));
    }

    /** The client as {@code UserPoolClientType}. */
    static Map<String, Object> describe(AppClient client) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UserPoolId", client.userPoolId());
        out.put("ClientName", client.clientName());
        out.put("ClientId", client.clientId());
        if (client.clientSecret() != null) {
            out.put("ClientSecret", client.clientSecret());
        }
        out.put("LastModifiedDate", client.lastModifiedDate());
        out.put("CreationDate", client.creationDate());
        TokenValidity v = client.validity();
        out.put("RefreshTokenValidity", v.refresh());
        out.put("AccessTokenValidity", v.access());
        out.put("IdTokenValidity", v.id());
        out.put("TokenValidityUnits", Map.of("AccessToken", v.accessUnit(), "IdToken", v.idUnit(),
                "RefreshToken", v.refreshUnit()));
        if (client.readAttributes() != null) {
            out.put("ReadAttributes", client.readAttributes());
        }
        if (client.writeAttributes() != null) {
            out.put("WriteAttributes", client.writeAttributes());
        }
        out.put("ExplicitAuthFlows", client.explicitAuthFlows());
        client.settings().forEach(out::put);
        out.putIfAbsent("AllowedOAuthFlowsUserPoolClient", false);
        out.put("PreventUserExistenceErrors", client.preventUserExistenceErrors());
        out.put("EnableTokenRevocation", client.enableTokenRevocation());
        out.putIfAbsent("EnablePropagateAdditionalUserContextData", false);
        out.put("AuthSessionValidity", client.authSessionValidityMinutes());
        return out;
    }

    private static List<String> flows(JsonNode request) {
        List<String> flows = Members.textsOrNull(request, "ExplicitAuthFlows");
        if (flows == null || flows.isEmpty()) {
            return DEFAULT_FLOWS;
        }
        flows = flows.stream().distinct().toList();
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
    private static TokenValidity validity(JsonNode request) {
        JsonNode units = request.path("TokenValidityUnits");
        TokenValidity d = TokenValidity.DEFAULT;
        JsonNode access = request.get("AccessTokenValidity");
        JsonNode id = request.get("IdTokenValidity");
        JsonNode refresh = request.get("RefreshTokenValidity");
        boolean refreshGiven = refresh != null && !refresh.isNull() && refresh.intValue() != 0;
        TokenValidity v = new TokenValidity(
                given(access) ? access.intValue() : d.access(),
                given(access) ? unit(units, "AccessToken", "hours") : d.accessUnit(),
                given(id) ? id.intValue() : d.id(),
                given(id) ? unit(units, "IdToken", "hours") : d.idUnit(),
                refreshGiven ? refresh.intValue() : d.refresh(),
                refreshGiven ? unit(units, "RefreshToken", "days") : d.refreshUnit());
        checkRange(v.accessTtl(), Duration.ofMinutes(5), Duration.ofDays(1));
        checkRange(v.idTtl(), Duration.ofMinutes(5), Duration.ofDays(1));
        checkRange(v.refreshTtl(), Duration.ofMinutes(60), Duration.ofDays(3650));
        return v;
    }

    private static boolean given(JsonNode value) {
        return value != null && !value.isNull();
    }

    private static void checkRange(Duration ttl, Duration min, Duration max) {
        if (ttl.compareTo(min) < 0 || ttl.compareTo(max) > 0) {
            // Unconfirmed text.
            throw invalid("Invalid range for token validity.");
        }
    }

    private static String unit(JsonNode units, String name, String fallback) {
        JsonNode value = units.get(name);
        return value == null || value.isNull() ? fallback : value.textValue();
    }

    private static List<String> attributes(JsonNode request, String member, UserPool pool, String kind,
            String action) {
        List<String> names = Members.textsOrNull(request, member);
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (pool.attribute(name) == null) {
                // Captured for write attributes on update (jmaleonard/serverless-cognito-add-custom-attributes#4).
                throw invalid("Invalid " + kind + " attributes specified while " + action + " a client");
            }
        }
        return names.stream().distinct().toList();
    }

    static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
