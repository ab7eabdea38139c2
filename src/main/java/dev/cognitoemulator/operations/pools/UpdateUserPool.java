package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.operations.Members;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Replaces the pool's settings. As AWS documents, a setting the request leaves out goes back to its default;
 * the schema, username and alias attributes and case sensitivity cannot change here.
 */
public final class UpdateUserPool implements Operation<JsonNode> {

    private final UserPoolStore store;
    private final Clock clock;

    public UpdateUserPool(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record UpdateUserPoolResponse() {
    }

    @Override
    public Class<JsonNode> requestType() {
        return JsonNode.class;
    }

    @Override
    public Object execute(JsonNode request, RequestContext context) {
        List<String> autoVerified = CreateUserPool.distinct(Members.texts(request, "AutoVerifiedAttributes"));
        Map<String, Object> settings = PoolSettings.from(request, autoVerified);
        return store.write(Members.text(request, "UserPoolId"), users -> {
            UserPool pool = users.pool();
            String name = Members.text(request, "PoolName");
            users.replacePool(pool.withUpdate(name == null ? pool.name() : name, autoVerified,
                    "ACTIVE".equals(Members.text(request, "DeletionProtection")),
                    CreateUserPool.orDefault(Members.text(request, "MfaConfiguration"), "OFF"),
                    request.has("UserPoolTags") ? Members.textMap(request, "UserPoolTags") : pool.tags(),
                    settings, clock.instant()));
            return new UpdateUserPoolResponse();
        });
    }
}
