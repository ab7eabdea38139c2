package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.SchemaRules;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.util.List;

/** Appends custom attributes ({@code custom:<name>}, {@code dev:custom:<name>} when developer-only). */
public final class AddCustomAttributes implements Operation<AddCustomAttributes.AddCustomAttributesRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public AddCustomAttributes(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AddCustomAttributesRequest(String userPoolId, List<SchemaAttributeType> customAttributes) {
    }

    public record AddCustomAttributesResponse() {
    }

    @Override
    public Class<AddCustomAttributesRequest> requestType() {
        return AddCustomAttributesRequest.class;
    }

    @Override
    public Object execute(AddCustomAttributesRequest request, RequestContext context) {
        List<SchemaRules.Definition> definitions = request.customAttributes().stream()
                .map(SchemaAttributeType::definition).toList();
        return store.write(request.userPoolId(), users -> {
            UserPool pool = users.pool();
            users.replacePool(pool.withSchema(SchemaRules.addCustom(pool.schema(), definitions), clock.instant()));
            return new AddCustomAttributesResponse();
        });
    }
}
