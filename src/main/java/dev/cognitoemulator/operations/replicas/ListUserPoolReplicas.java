package dev.cognitoemulator.operations.replicas;

import dev.cognitoemulator.model.ListUserPoolReplicasRequest;
import dev.cognitoemulator.model.ListUserPoolReplicasResponse;
import dev.cognitoemulator.model.UserPoolReplicaType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.List;

/** The pool's replicas, the primary first, then the secondary; from either region. */
public final class ListUserPoolReplicas implements Operation<ListUserPoolReplicasRequest, ListUserPoolReplicasResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListUserPoolReplicas", 60, 60);

    @Override
    public ListUserPoolReplicasResponse execute(ListUserPoolReplicasRequest request, Call call) {
        List<UserPoolReplicaType> all = call.read(request.userPoolId(), pool -> {
            List<UserPoolReplicaType> replicas = new ArrayList<>();
            replicas.add(Replicas.primary(pool.pool().id(), call));
            pool.replicas().forEach(r -> replicas.add(Replicas.secondary(pool.pool().id(), r, r.status(), call)));
            return replicas;
        });
        Pager.Page<UserPoolReplicaType> page = Pager.page(call, LIMITS, null, request.nextToken(),
                request.userPoolId(), after -> all.stream().dropWhile(r -> after != null
                        && !r.regionName().equals(after)).skip(after == null ? 0 : 1).iterator(),
                UserPoolReplicaType::regionName, r -> r);
        return ListUserPoolReplicasResponse.builder().userPoolReplicas(page.items()).nextToken(page.nextToken())
                .build();
    }
}
