package dev.cognitoemulator.operations.terms;

import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.model.UpdateTermsRequest;
import dev.cognitoemulator.model.UpdateTermsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Changes what the request gives of a terms document (name, source, enforcement, links); the rest is kept. */
public final class UpdateTerms implements Operation<UpdateTermsRequest, UpdateTermsResponse> {

    @Override
    public UpdateTermsResponse execute(UpdateTermsRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            Terms old = TermsDocuments.require(pool, request.termsId());
            String name = request.termsName() != null ? request.termsName() : old.name();
            TermsDocuments.checkUnique(pool, old.clientId(), name, old.id());
            Terms updated = new Terms(old.id(), old.clientId(), name,
                    request.termsSource() != null ? request.termsSource() : old.source(),
                    request.enforcement() != null ? request.enforcement() : old.enforcement(),
                    request.links() != null ? request.links() : old.links(), old.created(), call.now());
            pool.putTerms(updated);
            return new UpdateTermsResponse(TermsDocuments.type(updated, poolId));
        });
    }
}
