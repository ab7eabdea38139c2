package dev.cognitoemulator.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.Json;
import dev.cognitoemulator.model.LambdaConfigType;
import dev.cognitoemulator.model.PreTokenGenerationVersionConfigType;
import dev.cognitoemulator.tokens.TokenCustomization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PreTokenGeneration (documented: developer guide, "Pre token generation Lambda trigger"), called before a pool mints
 * tokens: the function of {@code PreTokenGenerationConfig} with its {@code LambdaVersion}, else of
 * {@code PreTokenGeneration} with {@code V1_0}. The event carries {@code userAttributes}, {@code groupConfiguration}
 * (the groups, their IAM roles, the preferred role), {@code clientMetadata}, and from {@code V2_0} on the
 * {@code scopes} of the access token, its {@code version} the event version ({@code "1"}, {@code "2"}, {@code "3"}).
 * The answer: {@code V1_0}'s {@code claimsOverrideDetails} changes the ID token (and the groups of both tokens);
 * {@code V2_0}'s and {@code V3_0}'s {@code claimsAndScopeOverrideDetails} both tokens and the access token's
 * scopes; only {@code V3_0} is called for a {@code client_credentials} token (M2M). A field of the wrong type is
 * "Unrecognizable lambda output".
 */
public final class PreTokenGeneration {

    /** Why tokens are minted: the event's {@code triggerSource} is {@code TokenGeneration_<name>}. */
    public enum Source {
        HostedAuth, Authentication, NewPasswordChallenge, AuthenticateDevice, RefreshTokens, ClientCredentials
    }

    /**
     * ID token claims that take no JSON object or array ("In the ID token, you can populate complex objects to claim
     * values except for phone_number_verified, email_verified, updated_at, and address"); the answer for one is
     * unconfirmed (here: unrecognizable).
     */
    private static final Set<String> SCALAR_ID_CLAIMS = Set.of("phone_number_verified", "email_verified",
            "updated_at", "address");

    /** The function and its event version ({@code V1_0}, {@code V2_0}, {@code V3_0}). */
    private record Function(String name, String version) {

        boolean v1() {
            return "V1_0".equals(version);
        }
    }

    private final Lambdas lambdas;

    public PreTokenGeneration(Lambdas lambdas) {
        this.lambdas = lambdas;
    }

    /**
     * A user's ID and access tokens: what the pool's function changes in them; {@link TokenCustomization#NONE} when
     * the pool has none.
     *
     * @param scopes the access token's scopes, as minted
     */
    public TokenCustomization user(UserPool pool, AppClient client, User user, List<Group> groups,
            List<String> scopes, Source source, Map<String, String> clientMetadata) {
        Function function = function(pool);
        if (function == null) {
            return TokenCustomization.NONE;
        }
        ObjectNode event = envelope(pool, client, user.username(), source, function);
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        ObjectNode configuration = request.putObject("groupConfiguration");
        configuration.set("groupsToOverride", Json.MAPPER.valueToTree(groups.stream().map(Group::groupName)
                .toList()));
        configuration.set("iamRolesToOverride", Json.MAPPER.valueToTree(Group.roles(groups)));
        configuration.put("preferredRole", Group.preferredRole(groups));
        if (!function.v1()) {
            request.set("scopes", Json.MAPPER.valueToTree(scopes));
        }
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        return answer(function, lambdas.invoke("PreTokenGeneration", function.name(), event));
    }

    /**
     * A {@code client_credentials} access token (TokenGeneration_ClientCredentials): only a {@code V3_0} function is
     * called, with no user ({@code userName} null, no attributes or groups) and the token's scopes.
     */
    public TokenCustomization client(UserPool pool, AppClient client, List<String> scopes) {
        Function function = function(pool);
        if (function == null || !"V3_0".equals(function.version())) {
            return TokenCustomization.NONE;
        }
        ObjectNode event = envelope(pool, client, null, Source.ClientCredentials, function);
        ObjectNode request = TriggerEvent.request(event);
        request.putObject("userAttributes");
        request.putNull("groupConfiguration");
        request.set("scopes", Json.MAPPER.valueToTree(scopes));
        TriggerEvent.putStrings(request, "clientMetadata", Map.of());
        TokenCustomization customization = answer(function, lambdas.invoke("PreTokenGeneration", function.name(),
                event));
        // A client's token names no user: no ID token, no groups.
        return new TokenCustomization(TokenCustomization.Claims.NONE, customization.access(),
                customization.scopesToAdd(), customization.scopesToSuppress(), null);
    }

    private static Function function(UserPool pool) {
        LambdaConfigType config = LambdaTriggers.config(pool);
        PreTokenGenerationVersionConfigType versioned = config.preTokenGenerationConfig();
        if (versioned != null && versioned.lambdaArn() != null) {
            return new Function(versioned.lambdaArn(), versioned.lambdaVersion() == null ? "V1_0"
                    : versioned.lambdaVersion());
        }
        return config.preTokenGeneration() == null ? null : new Function(config.preTokenGeneration(), "V1_0");
    }

    private static ObjectNode envelope(UserPool pool, AppClient client, String userName, Source source,
            Function function) {
        ObjectNode event = TriggerEvent.envelope(pool, client, userName, "TokenGeneration_" + source.name());
        event.put("version", function.version().substring(1, 2));
        ((ObjectNode) event.get("response")).putNull(function.v1() ? "claimsOverrideDetails"
                : "claimsAndScopeOverrideDetails");
        return event;
    }

    private static TokenCustomization answer(Function function, ObjectNode answer) {
        JsonNode response = TriggerEvent.response(answer);
        if (function.v1()) {
            JsonNode details = object(response, "claimsOverrideDetails");
            if (details == null) {
                return TokenCustomization.NONE;
            }
            return new TokenCustomization(claims(details, true, false), TokenCustomization.Claims.NONE, List.of(),
                    List.of(), groups(details));
        }
        JsonNode details = object(response, "claimsAndScopeOverrideDetails");
        if (details == null) {
            return TokenCustomization.NONE;
        }
        JsonNode id = object(details, "idTokenGeneration");
        JsonNode access = object(details, "accessTokenGeneration");
        return new TokenCustomization(id == null ? TokenCustomization.Claims.NONE : claims(id, false, true),
                access == null ? TokenCustomization.Claims.NONE : claims(access, false, false),
                access == null ? List.of() : strings(access, "scopesToAdd"),
                access == null ? List.of() : strings(access, "scopesToSuppress"), groups(details));
    }

    /**
     * {@code claimsToAddOrOverride} and {@code claimsToSuppress}. {@code V1_0} takes a map of strings (a number or
     * boolean is taken as its text); later versions any JSON value, but an ID token's {@link #SCALAR_ID_CLAIMS} no
     * object or array.
     */
    private static TokenCustomization.Claims claims(JsonNode details, boolean v1, boolean idToken) {
        Map<String, Object> add = new LinkedHashMap<>();
        JsonNode claims = object(details, "claimsToAddOrOverride");
        if (claims != null) {
            for (Map.Entry<String, JsonNode> claim : claims.properties()) {
                JsonNode value = claim.getValue();
                if (value.isContainerNode() && (v1 || (idToken && SCALAR_ID_CLAIMS.contains(claim.getKey())))) {
                    throw Lambdas.unrecognizable();
                }
                add.put(claim.getKey(), v1 && !value.isNull() ? value.asText()
                        : Json.MAPPER.convertValue(value, Object.class));
            }
        }
        return new TokenCustomization.Claims(add, strings(details, "claimsToSuppress"));
    }

    /**
     * {@code groupOverrideDetails}: absent or null keeps the user's groups; an object replaces them (an empty one
     * leaves none: "If you provide an empty ... object in the response, then the groups are suppressed"; a null
     * one kept here, unconfirmed, as functions that copy the request's shape send it).
     */
    private static TokenCustomization.GroupOverride groups(JsonNode details) {
        JsonNode override = object(details, "groupOverrideDetails");
        if (override == null) {
            return null;
        }
        return new TokenCustomization.GroupOverride(strings(override, "groupsToOverride"),
                strings(override, "iamRolesToOverride"), TriggerEvent.text(override, "preferredRole"));
    }

    /** An object member; null when absent or null. */
    private static JsonNode object(JsonNode node, String field) {
        JsonNode member = node.path(field);
        if (member.isMissingNode() || member.isNull()) {
            return null;
        }
        if (!member.isObject()) {
            throw Lambdas.unrecognizable();
        }
        return member;
    }

    /** An array of strings; empty when absent or null. */
    private static List<String> strings(JsonNode node, String field) {
        JsonNode member = node.path(field);
        if (member.isMissingNode() || member.isNull()) {
            return List.of();
        }
        if (!member.isArray()) {
            throw Lambdas.unrecognizable();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : member) {
            if (!value.isTextual()) {
                throw Lambdas.unrecognizable();
            }
            values.add(value.asText());
        }
        return values;
    }
}
