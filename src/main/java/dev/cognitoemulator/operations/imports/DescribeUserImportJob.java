package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.model.DescribeUserImportJobRequest;
import dev.cognitoemulator.model.DescribeUserImportJobResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A user import job: its status and counts as the background import has got them so far. */
public final class DescribeUserImportJob
        implements Operation<DescribeUserImportJobRequest, DescribeUserImportJobResponse> {

    @Override
    public DescribeUserImportJobResponse execute(DescribeUserImportJobRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> new DescribeUserImportJobResponse(
                ImportJobs.type(ImportJobs.require(pool, request.jobId()), pool.pool().id(), call)));
    }
}
