package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.SchemaRules;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.AddCustomAttributesRequest;
import dev.cognitoemulator.model.AddCustomAttributesResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/** Appends custom attributes ({@code custom:<name>}, {@code dev:custom:<name>} when developer-only). */
public final class AddCustomAttributes implements Operation<AddCustomAttributesRequest, AddCustomAttributesResponse> {

    @Override
    public AddCustomAttributesResponse execute(AddCustomAttributesRequest request, Call call) {
        List<SchemaRules.Definition> definitions = Pools.definitions(request.customAttributes());
        call.write(request.userPoolId(), pool -> {
            UserPool current = pool.pool();
            pool.replacePool(current.withSchema(SchemaRules.addCustom(current.schema(), definitions), call.now()));
            return null;
        });
        return new AddCustomAttributesResponse();
    }
}
