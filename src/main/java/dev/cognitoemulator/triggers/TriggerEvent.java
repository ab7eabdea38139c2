package dev.cognitoemulator.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event every trigger receives, as the Cognito developer guide's "common parameters" show it: {@code version},
 * {@code region}, {@code userPoolId}, {@code userName}, {@code callerContext} ({@code awsSdkVersion},
 * {@code clientId}), {@code triggerSource}, {@code request} and {@code response}; and the small pieces requests are
 * made of.
 */
public final class TriggerEvent {

    /** {@code callerContext.clientId} of an event no app client caused (AdminCreateUser, for one). */
    public static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";
    /** {@code callerContext.awsSdkVersion}: the emulator does not know the caller's SDK. */
    static final String SDK_VERSION = "aws-sdk-unknown-unknown";

    private TriggerEvent() {
    }

    /**
     * The envelope with an empty {@code request} and {@code response}, for the caller to fill.
     *
     * @param client the app client of the request, or null for none ({@link #NO_CLIENT})
     */
    public static ObjectNode envelope(UserPool pool, AppClient client, String userName, String triggerSource) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "1");
        event.put("region", pool.id().substring(0, pool.id().indexOf('_')));
        event.put("userPoolId", pool.id());
        event.put("userName", userName);
        ObjectNode caller = event.putObject("callerContext");
        caller.put("awsSdkVersion", SDK_VERSION);
        caller.put("clientId", client == null ? NO_CLIENT : client.clientId());
        event.put("triggerSource", triggerSource);
        event.putObject("request");
        event.putObject("response");
        return event;
    }

    /** The event's {@code request}, to fill. */
    public static ObjectNode request(ObjectNode event) {
        return (ObjectNode) event.get("request");
    }

    /**
     * Puts {@code values} as an object of strings under {@code field}; null puts nothing (Cognito leaves out the
     * {@code clientMetadata} and {@code validationData} a request did not give).
     */
    public static void putStrings(ObjectNode node, String field, Map<String, String> values) {
        if (values == null) {
            return;
        }
        ObjectNode object = node.putObject(field);
        values.forEach(object::put);
    }

    /**
     * A user's {@code userAttributes} as events carry them: {@code sub} and every attribute, then
     * {@code cognito:user_status}.
     */
    public static Map<String, String> userAttributes(User user) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sub", user.sub());
        user.attributes().forEach(values::put);
        values.put("cognito:user_status", user.status().name());
        return values;
    }

    /**
     * The returned event's {@code response} member {@code field} as strings (an object of strings), null when it is
     * absent or null.
     *
     * @throws dev.cognitoemulator.errors.CognitoException {@code InvalidLambdaResponseException} when it is not an
     *                                                     object of strings
     */
    public static Map<String, String> strings(JsonNode response, String field) {
        JsonNode node = response.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw Lambdas.unrecognizable();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw Lambdas.unrecognizable();
            }
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return values;
    }

    /** The returned event's {@code response}, or an empty object when it has none. */
    public static JsonNode response(ObjectNode answer) {
        JsonNode response = answer.path("response");
        if (!response.isObject() && !response.isMissingNode() && !response.isNull()) {
            throw Lambdas.unrecognizable();
        }
        return response.isObject() ? response : Json.MAPPER.createObjectNode();
    }

    /**
     * A boolean of {@code response}: absent or null is false; the strings {@code "true"} and {@code "false"} are
     * taken too (unconfirmed: as a Java JSON reader with default coercion takes them).
     *
     * @throws dev.cognitoemulator.errors.CognitoException {@code InvalidLambdaResponseException} for anything else
     */
    public static boolean flag(JsonNode response, String field) {
        JsonNode node = response.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return node.asText().equals("true");
        }
        throw Lambdas.unrecognizable();
    }

    /** A string of {@code response}; null when absent or null; not a string is unrecognizable. */
    public static String text(JsonNode response, String field) {
        JsonNode node = response.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Lambdas.unrecognizable();
        }
        return node.asText();
    }
}
