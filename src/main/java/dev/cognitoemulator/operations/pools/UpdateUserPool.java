package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.UpdateUserPoolRequest;
import dev.cognitoemulator.model.UpdateUserPoolResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Replaces the pool's settings. As AWS documents, a setting the request leaves out goes back to its default;
 * the schema, username and alias attributes and case sensitivity cannot change here.
 */
public final class UpdateUserPool implements Operation<UpdateUserPoolRequest, UpdateUserPoolResponse> {

    @Override
    public UpdateUserPoolResponse execute(UpdateUserPoolRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            UserPool current = pool.pool();
            PoolSettings settings = Pools.settings(request, current);
            pool.replacePool(current.withSettings(request.poolName(), settings,
                    current.factors().forMfaConfiguration(settings.mfaConfiguration()), call.now()));
            return null;
        });
        return new UpdateUserPoolResponse();
    }
}
