package dev.cognitoemulator.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.Members;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.util.Map;

/** Replaces an app client's settings; as AWS documents, what the request leaves out goes back to its default. */
public final class UpdateUserPoolClient implements Operation<JsonNode> {

    private final UserPoolStore store;
    private final Clock clock;

    public UpdateUserPoolClient(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record UpdateUserPoolClientResponse(Map<String, Object> userPoolClient) {
    }

    @Override
    public Class<JsonNode> requestType() {
        return JsonNode.class;
    }

    @Override
    public Object execute(JsonNode request, RequestContext context) {
        String clientId = Members.text(request, "ClientId");
        AppClient updated = store.write(Members.text(request, "UserPoolId"), pool -> {
            AppClient current = ClientLookup.find(pool, clientId);
            AppClient client = ClientSettings.build(request, pool.pool(), clientId, current.clientSecret(),
                    current.creationDate(), clock.instant(), false);
            pool.putClient(client);
            return client;
        });
        return new UpdateUserPoolClientResponse(ClientSettings.describe(updated));
    }
}
