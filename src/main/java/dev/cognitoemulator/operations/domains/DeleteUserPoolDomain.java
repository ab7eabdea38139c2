package dev.cognitoemulator.operations.domains;

import dev.cognitoemulator.model.DeleteUserPoolDomainRequest;
import dev.cognitoemulator.model.DeleteUserPoolDomainResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes the pool's domain; the name is free again for any pool. */
public final class DeleteUserPoolDomain
        implements Operation<DeleteUserPoolDomainRequest, DeleteUserPoolDomainResponse> {

    @Override
    public DeleteUserPoolDomainResponse execute(DeleteUserPoolDomainRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            pool.removeDomain(Domains.require(pool, request.domain()).domain());
            return null;
        });
        return new DeleteUserPoolDomainResponse();
    }
}
