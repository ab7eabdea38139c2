package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.imports.UserImports;
import dev.cognitoemulator.model.StartUserImportJobRequest;
import dev.cognitoemulator.model.StartUserImportJobResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Starts a {@code Created} job whose CSV file has been uploaded: it is {@code Pending} in the answer and imports in
 * the background ({@link UserImports}). Refused with {@code PreconditionNotMetException}: a job in another status
 * (an expired one too), without its file (captured: "No csv file was uploaded for import-…",
 * aws-amplify/amplify-js#6416), or in a pool without auto-verified attributes (documented: "If the user pool has no
 * auto-verified attributes, the import job will not start"; the wording is unconfirmed).
 */
public final class StartUserImportJob implements Operation<StartUserImportJobRequest, StartUserImportJobResponse> {

    @Override
    public StartUserImportJobResponse execute(StartUserImportJobRequest request, Call call) {
        UserImports imports = call.services().imports();
        String[] poolId = new String[1];
        UserImportJob started = call.write(request.userPoolId(), pool -> {
            UserImportJob job = ImportJobs.require(pool, request.jobId());
            String status = job.statusAt(call.now());
            if (!UserImportJob.CREATED.equals(status)) {
                throw ImportJobs.wrongStatus(job, status, "started");
            }
            if (!imports.uploaded(pool.pool().id(), job.jobId())) {
                throw new CognitoException(ErrorCode.PreconditionNotMetException,
                        "No csv file was uploaded for " + job.jobId());
            }
            if (pool.pool().settings().autoVerifiedAttributes().isEmpty()) {
                throw new CognitoException(ErrorCode.PreconditionNotMetException,
                        "The user pool has no auto-verified attributes (email or phone_number): users cannot be "
                                + "imported.");
            }
            poolId[0] = pool.pool().id();
            UserImportJob pending = job.startedAt(call.now());
            pool.putUserImportJob(pending);
            return pending;
        });
        // The job as started (Pending), or as the refusal of a full import queue left it (Failed).
        UserImportJob answered = imports.submit(poolId[0], started.jobId()) ? started
                : call.read(poolId[0], pool -> pool.importJob(started.jobId()));
        return new StartUserImportJobResponse(ImportJobs.type(answered, poolId[0], call));
    }
}
