package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.operations.Members;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cognitoemulator.domain.SchemaRules;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Json;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Creates a pool in the request's region: id {@code <region>_<9 alphanumerics>}, AWS's standard schema
 * plus the request's attributes, AWS's defaults for every setting not given.
 */
public final class CreateUserPool implements Operation<JsonNode> {

    private static final ObjectReader SCHEMA = Json.MAPPER.readerForListOf(SchemaAttributeType.class);

    private final UserPoolStore store;
    private final Clock clock;
    private final String accountId;

    public CreateUserPool(UserPoolStore store, Clock clock, String accountId) {
        this.store = store;
        this.clock = clock;
        this.accountId = accountId;
    }

    @Override
    public Class<JsonNode> requestType() {
        return JsonNode.class;
    }

    @Override
    public Object execute(JsonNode request, RequestContext context) {
        List<String> usernameAttributes = distinct(Members.texts(request, "UsernameAttributes"));
        List<String> aliasAttributes = distinct(Members.texts(request, "AliasAttributes"));
        if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        List<String> autoVerified = distinct(Members.texts(request, "AutoVerifiedAttributes"));
        var schema = SchemaRules.initial(definitions(request.get("Schema")));
        Map<String, Object> settings = PoolSettings.from(request, autoVerified);
        JsonNode usernameConfiguration = request.get("UsernameConfiguration");
        Boolean caseSensitive = usernameConfiguration == null || usernameConfiguration.isNull()
                ? null : usernameConfiguration.get("CaseSensitive").booleanValue();
        Instant now = clock.instant();
        UserPool pool = store.createPool(context.region(), id -> new UserPool(id, Members.text(request, "PoolName"),
                "arn:aws:cognito-idp:" + context.region() + ":" + accountId + ":userpool/" + id, now, now, schema,
                usernameAttributes, aliasAttributes, autoVerified, caseSensitive,
                "ACTIVE".equals(Members.text(request, "DeletionProtection")),
                orDefault(Members.text(request, "MfaConfiguration"), "OFF"),
                Members.textMap(request, "UserPoolTags"), settings));
        return new CreateUserPoolResponse(PoolSettings.describe(pool, 0));
    }

    public record CreateUserPoolResponse(Map<String, Object> userPool) {
    }

    static List<SchemaRules.Definition> definitions(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        try {
            List<SchemaAttributeType> wire = SCHEMA.readValue(list);
            List<SchemaRules.Definition> definitions = new ArrayList<>(wire.size());
            wire.forEach(w -> definitions.add(w.definition()));
            return definitions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
