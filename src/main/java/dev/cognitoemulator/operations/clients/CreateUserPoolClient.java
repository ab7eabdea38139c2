package dev.cognitoemulator.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.Members;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Creates an app client: id of 26 lowercase letters and digits, a secret when {@code GenerateSecret} is true
 * (or the {@code ClientSecret} given), AWS's defaults for auth flows and token validity.
 */
public final class CreateUserPoolClient implements Operation<JsonNode> {

    private final UserPoolStore store;
    private final Clock clock;

    public CreateUserPoolClient(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record CreateUserPoolClientResponse(Map<String, Object> userPoolClient) {
    }

    @Override
    public Class<JsonNode> requestType() {
        return JsonNode.class;
    }

    @Override
    public Object execute(JsonNode request, RequestContext context) {
        Instant now = clock.instant();
        String secret = Members.text(request, "ClientSecret");
        if (secret == null && request.path("GenerateSecret").asBoolean(false)) {
            secret = Ids.clientSecret();
        }
        String clientSecret = secret;
        AppClient client = store.write(Members.text(request, "UserPoolId"), pool -> {
            String id;
            do {
                id = Ids.clientId();
            } while (pool.client(id) != null);
            AppClient created = ClientSettings.build(request, pool.pool(), id, clientSecret, now, now, true);
            pool.putClient(created);
            return created;
        });
        return new CreateUserPoolClientResponse(ClientSettings.describe(client));
    }
}
