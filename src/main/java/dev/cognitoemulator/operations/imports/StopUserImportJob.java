package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.model.StopUserImportJobRequest;
import dev.cognitoemulator.model.StopUserImportJobResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Stops a {@code Pending} or {@code InProgress} job: {@code Stopping} in the answer, {@code Stopped} once the
 * background import sees it (users imported so far stay). A job in another status is
 * {@code PreconditionNotMetException}.
 */
public final class StopUserImportJob implements Operation<StopUserImportJobRequest, StopUserImportJobResponse> {

    @Override
    public StopUserImportJobResponse execute(StopUserImportJobRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            UserImportJob job = ImportJobs.require(pool, request.jobId());
            String status = job.statusAt(call.now());
            if (!UserImportJob.PENDING.equals(status) && !UserImportJob.IN_PROGRESS.equals(status)) {
                throw ImportJobs.wrongStatus(job, status, "stopped");
            }
            String poolId = pool.pool().id();
            UserImportJob stopping = job.withStatus(UserImportJob.STOPPING);
            pool.putUserImportJob(stopping);
            return new StopUserImportJobResponse(ImportJobs.type(stopping, poolId, call));
        });
    }
}
