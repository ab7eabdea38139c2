package dev.cognitoemulator.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A user import job (CreateUserImportJob) and how far it has got. Its CSV file is uploaded to the emulator's stand-in
 * for the pre-signed S3 URL, with {@code uploadToken}; {@code linesDone} counts the users' lines of the file read so
 * far.
 *
 * @param status one of the model's {@code UserImportJobStatusType}
 */
public record UserImportJob(String jobId, String jobName, String roleArn, String passwordHashingAlgorithm,
        String uploadToken, Instant created, String status, Instant started, Instant completed, long imported,
        long skipped, long failed, String completionMessage, int linesDone) {

    public static final String CREATED = "Created";
    public static final String PENDING = "Pending";
    public static final String IN_PROGRESS = "InProgress";
    public static final String STOPPING = "Stopping";
    public static final String STOPPED = "Stopped";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String EXPIRED = "Expired";

    /** Documented: "The PRE_SIGNED_URL returned in the response is valid for 15 minutes." */
    public static final Duration UPLOAD_WINDOW = Duration.ofMinutes(15);
    /**
     * Documented: a job not started "within 24-48 hours" is Expired, its data deleted; here after 24 hours.
     */
    public static final Duration START_WINDOW = Duration.ofHours(24);

    /** A new job, {@code Created}. */
    public static UserImportJob create(String jobId, String jobName, String roleArn, String algorithm,
            String uploadToken, Instant now) {
        return new UserImportJob(jobId, jobName, roleArn, algorithm, uploadToken, now, CREATED, null, null, 0, 0, 0,
                null, 0);
    }

    /** The status as of {@code now}: a job still {@code Created} after {@link #START_WINDOW} has expired. */
    public String statusAt(Instant now) {
        return CREATED.equals(status) && !now.isBefore(created.plus(START_WINDOW)) ? EXPIRED : status;
    }

    public boolean uploadOpenAt(Instant now) {
        return now.isBefore(created.plus(UPLOAD_WINDOW));
    }

    public UserImportJob withStatus(String value) {
        return new UserImportJob(jobId, jobName, roleArn, passwordHashingAlgorithm, uploadToken, created, value,
                started, completed, imported, skipped, failed, completionMessage, linesDone);
    }

    public UserImportJob startedAt(Instant now) {
        return new UserImportJob(jobId, jobName, roleArn, passwordHashingAlgorithm, uploadToken, created, PENDING,
                now, completed, imported, skipped, failed, completionMessage, linesDone);
    }

    /** A final status ({@code Succeeded}, {@code Failed}, {@code Stopped}) with its message. */
    public UserImportJob completedAt(Instant now, String finalStatus, String message) {
        return new UserImportJob(jobId, jobName, roleArn, passwordHashingAlgorithm, uploadToken, created, finalStatus,
                started, now, imported, skipped, failed, message, linesDone);
    }

    /** One more line done: imported, skipped or failed. */
    public UserImportJob counted(Outcome outcome) {
        return new UserImportJob(jobId, jobName, roleArn, passwordHashingAlgorithm, uploadToken, created, status,
                started, completed, imported + (outcome == Outcome.IMPORTED ? 1 : 0),
                skipped + (outcome == Outcome.SKIPPED ? 1 : 0), failed + (outcome == Outcome.FAILED ? 1 : 0),
                completionMessage, linesDone + 1);
    }

    /** What became of a line of the file. */
    public enum Outcome {
        IMPORTED, SKIPPED, FAILED
    }
}
