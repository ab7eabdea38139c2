package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UserImportJobType;
import dev.cognitoemulator.protocol.Call;

/** What the import job operations share: the look-up, the refusal of a job in the wrong status, and the answer. */
final class ImportJobs {

    /** Where the job's CSV file is uploaded (PUT), below the emulator's address as the client reached it. */
    private static final String UPLOAD_PATH = "/_emulator/user-import/";

    private ImportJobs() {
    }

    static UserImportJob require(PoolView pool, String jobId) {
        UserImportJob job = pool.importJob(jobId);
        if (job == null) {
            // Unconfirmed wording.
            throw new CognitoException(ErrorCode.ResourceNotFoundException,
                    "The user import job " + jobId + " does not exist.");
        }
        return job;
    }

    /** Unconfirmed wording. */
    static CognitoException wrongStatus(UserImportJob job, String status, String action) {
        return new CognitoException(ErrorCode.PreconditionNotMetException,
                "The user import job " + job.jobId() + " is " + status + " and cannot be " + action + ".");
    }

    static UserImportJobType type(UserImportJob job, String poolId, Call call) {
        return UserImportJobType.builder()
                .jobName(job.jobName())
                .jobId(job.jobId())
                .userPoolId(poolId)
                .preSignedUrl(call.origin() == null ? null
                        : call.origin() + UPLOAD_PATH + poolId + "/" + job.jobId() + "/" + job.uploadToken())
                .creationDate(job.created())
                .startDate(job.started())
                .completionDate(job.completed())
                .status(job.statusAt(call.now()))
                .cloudWatchLogsRoleArn(job.roleArn())
                .importedUsers(job.imported())
                .skippedUsers(job.skipped())
                .failedUsers(job.failed())
                .completionMessage(job.completionMessage())
                .passwordHashingAlgorithm(job.passwordHashingAlgorithm())
                .build();
    }
}
