package dev.cognitoemulator.operations.tags;

import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.UntagResourceRequest;
import dev.cognitoemulator.model.UntagResourceResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.HashMap;
import java.util.Map;

/** Removes tags from a pool by key; a key the pool does not have is not an error. */
public final class UntagResource implements Operation<UntagResourceRequest, UntagResourceResponse> {

    @Override
    public UntagResourceResponse execute(UntagResourceRequest request, Call call) {
        String arn = request.resourceArn();
        return call.write(PoolArns.poolId(arn), pool -> {
            UserPool current = PoolArns.require(pool, arn);
            Map<String, String> tags = new HashMap<>(current.settings().tags());
            tags.keySet().removeAll(request.tagKeys());
            if (tags.size() != current.settings().tags().size()) {
                pool.replacePool(current.withTags(tags));
            }
            return new UntagResourceResponse();
        });
    }
}
