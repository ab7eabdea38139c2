package dev.cognitoemulator.operations.terms;

import dev.cognitoemulator.model.DeleteTermsRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes a terms document. */
public final class DeleteTerms implements Operation<DeleteTermsRequest, Void> {

    @Override
    public Void execute(DeleteTermsRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.removeTerms(TermsDocuments.require(pool, request.termsId()).id());
            return null;
        });
    }
}
