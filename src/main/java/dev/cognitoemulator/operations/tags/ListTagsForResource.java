package dev.cognitoemulator.operations.tags;

import dev.cognitoemulator.model.ListTagsForResourceRequest;
import dev.cognitoemulator.model.ListTagsForResourceResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A pool's tags (an empty map when it has none). */
public final class ListTagsForResource implements Operation<ListTagsForResourceRequest, ListTagsForResourceResponse> {

    @Override
    public ListTagsForResourceResponse execute(ListTagsForResourceRequest request, Call call) {
        String arn = request.resourceArn();
        return call.read(PoolArns.poolId(arn),
                pool -> new ListTagsForResourceResponse(PoolArns.require(pool, arn).settings().tags()));
    }
}
