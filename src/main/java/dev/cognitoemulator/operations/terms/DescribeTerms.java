package dev.cognitoemulator.operations.terms;

import dev.cognitoemulator.model.DescribeTermsRequest;
import dev.cognitoemulator.model.DescribeTermsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A terms document by its id. */
public final class DescribeTerms implements Operation<DescribeTermsRequest, DescribeTermsResponse> {

    @Override
    public DescribeTermsResponse execute(DescribeTermsRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> new DescribeTermsResponse(
                TermsDocuments.type(TermsDocuments.require(pool, request.termsId()), pool.pool().id())));
    }
}
