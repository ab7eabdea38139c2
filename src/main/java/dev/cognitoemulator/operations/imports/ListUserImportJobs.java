package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.model.ListUserImportJobsRequest;
import dev.cognitoemulator.model.ListUserImportJobsResponse;
import dev.cognitoemulator.model.UserImportJobType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's user import jobs, {@code MaxResults} (required, 1–60) at a time, in a stable order (by job id). */
public final class ListUserImportJobs implements Operation<ListUserImportJobsRequest, ListUserImportJobsResponse> {

    private static final Pager.Limits LIMITS = new Pager.Limits("ListUserImportJobs", 60, 60);

    @Override
    public ListUserImportJobsResponse execute(ListUserImportJobsRequest request, Call call) {
        Pager.Page<UserImportJobType> page = call.read(request.userPoolId(), pool -> Pager.page(call, LIMITS,
                request.maxResults(), request.paginationToken(), pool.pool().id(), pool::importJobsAfter,
                UserImportJob::jobId, job -> ImportJobs.type(job, pool.pool().id(), call)));
        // The model's list has at least one member: a pool without jobs answers none (unconfirmed).
        return new ListUserImportJobsResponse(page.nextToken(), page.items().isEmpty() ? null : page.items());
    }
}
