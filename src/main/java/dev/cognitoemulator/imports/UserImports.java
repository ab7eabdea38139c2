package dev.cognitoemulator.imports;

import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.store.UserPoolStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User import jobs at work: the uploaded CSV files (the emulator's stand-in for the pre-signed S3 URL; at most
 * {@link #MAX_FILES} kept, the oldest dropped first) and the imports themselves, which run in the background on the
 * executor given, never on a request's thread. A job runs in steps, each a task of its own: the first reads the file
 * (Pending to InProgress, or Failed), each next one imports up to {@link #LINES_A_STEP} lines, one pool write a line
 * (the user and the job's counts together), and the last records how it ended (Succeeded, Failed, or Stopped after
 * StopUserImportJob). Each line's outcome is logged ({@code dev.cognitoemulator.imports}), as Cognito writes it to
 * CloudWatch Logs.
 */
public final class UserImports {

    static final int LINES_A_STEP = 100;
    static final int MAX_FILES = 64;

    /** Captured: aws-solutions/cognito-user-profiles-export-reference-architecture#9 (a Failed job's message). */
    static final String TOO_MANY_FAILED = "Too many users have failed or been skipped during the import.";
    /** Unconfirmed: as AWS CLI examples show a finished job. */
    static final String SUCCEEDED = "Import Job Completed Successfully.";
    /** Unconfirmed: as AWS CLI examples show a stopped job. */
    static final String STOPPED = "The Import Job was stopped by the developer.";

    private static final Logger LOG = LoggerFactory.getLogger(UserImports.class);

    /** What an upload to a job's URL comes to. */
    public enum Upload {
        /** The file is kept for StartUserImportJob (a later upload replaces it). */
        ACCEPTED,
        /** No such job, or not its token. */
        DENIED,
        /** The URL's 15 minutes are over. */
        EXPIRED,
        /** The job has been started (or has expired): it takes no file any more. */
        CLOSED
    }

    private final UserPoolStore store;
    private final Clock clock;
    private final Randomness random;
    private final Executor executor;
    /** By pool id and job id: the bytes as uploaded, then the file as read once the job runs. */
    private final Map<String, Object> files = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_FILES;
        }
    };

    public UserImports(UserPoolStore store, Clock clock, Randomness random, Executor executor) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.executor = executor;
    }

    /** Takes a job's CSV file, when the token is the job's and its upload window is open. */
    public Upload upload(String poolId, String jobId, String token, byte[] csv) {
        UserImportJob job;
        try {
            job = store.read(poolId, pool -> pool.importJob(jobId));
        } catch (CognitoException unknownPool) {
            return Upload.DENIED;
        }
        if (job == null || !MessageDigest.isEqual(job.uploadToken().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return Upload.DENIED;
        }
        Instant now = clock.instant();
        if (!job.uploadOpenAt(now)) {
            return Upload.EXPIRED;
        }
        if (!UserImportJob.CREATED.equals(job.statusAt(now))) {
            return Upload.CLOSED;
        }
        synchronized (files) {
            files.put(key(poolId, jobId), csv);
        }
        return Upload.ACCEPTED;
    }

    /** Whether the job's file has been uploaded (and is still kept). */
    public boolean uploaded(String poolId, String jobId) {
        synchronized (files) {
            return files.containsKey(key(poolId, jobId));
        }
    }

    /**
     * Queues the next step of a job that has just been made Pending; false when the executor refuses it (the job is
     * then Failed).
     */
    public boolean submit(String poolId, String jobId) {
        try {
            executor.execute(() -> step(poolId, jobId));
            return true;
        } catch (RejectedExecutionException full) {
            LOG.warn("user import {} of {}: the import queue is full", jobId, poolId);
            finish(poolId, jobId, job -> job.completedAt(clock.instant(), UserImportJob.FAILED,
                    "The emulator's import queue is full; start the job again later."));
            return false;
        }
    }

    private void step(String poolId, String jobId) {
        try {
            UserImportJob job = store.read(poolId, pool -> pool.importJob(jobId));
            switch (job.status()) {
                case UserImportJob.PENDING -> begin(poolId, jobId);
                case UserImportJob.IN_PROGRESS -> importLines(poolId, job);
                case UserImportJob.STOPPING -> finish(poolId, jobId,
                        j -> j.completedAt(clock.instant(), UserImportJob.STOPPED, STOPPED));
                default -> forget(poolId, jobId);
            }
        } catch (CognitoException poolDeleted) {
            forget(poolId, jobId);
        } catch (RuntimeException e) {
            LOG.error("user import {} of {} failed", jobId, poolId, e);
            finish(poolId, jobId, j -> j.completedAt(clock.instant(), UserImportJob.FAILED,
                    "The import failed: an internal error of the emulator (logged)."));
        }
    }

    /** Pending: the file is read and its header checked against the pool's; then InProgress. */
    private void begin(String poolId, String jobId) {
        Object held;
        synchronized (files) {
            held = files.get(key(poolId, jobId));
        }
        CsvFile file = held instanceof byte[] bytes ? CsvFile.parse(bytes) : (CsvFile) held;
        String problem = file == null ? "The CSV file is not UTF-8 text with a header line." : null;
        if (problem == null) {
            List<String> expected = store.read(poolId, pool -> CsvHeader.of(pool.pool()));
            if (file.header().size() != expected.size()
                    || !new HashSet<>(file.header()).equals(new HashSet<>(expected))) {
                problem = "The CSV header does not have the columns of the user pool's (GetCSVHeader).";
            }
        }
        if (problem != null) {
            String message = problem;
            finish(poolId, jobId, j -> j.completedAt(clock.instant(), UserImportJob.FAILED, message));
            return;
        }
        synchronized (files) {
            files.put(key(poolId, jobId), file);
        }
        Boolean moved = store.write(poolId, pool -> {
            UserImportJob job = pool.importJob(jobId);
            if (!UserImportJob.PENDING.equals(job.status())) {
                return false;
            }
            pool.putUserImportJob(job.withStatus(UserImportJob.IN_PROGRESS));
            return true;
        });
        LOG.debug("user import {} of {}: {}", jobId, poolId, moved ? "in progress" : "stopped before it began");
        submit(poolId, jobId);
    }

    /** InProgress: the next lines, each in a write of its own, until the file ends or the job is stopped. */
    private void importLines(String poolId, UserImportJob job) {
        Object held;
        synchronized (files) {
            held = files.get(key(poolId, job.jobId()));
        }
        if (!(held instanceof CsvFile file)) {
            finish(poolId, job.jobId(), j -> j.completedAt(clock.instant(), UserImportJob.FAILED,
                    "The CSV file is no longer kept by the emulator (at most " + MAX_FILES + " are)."));
            return;
        }
        int end = Math.min(file.lines().size(), job.linesDone() + LINES_A_STEP);
        for (int i = job.linesDone(); i < end; i++) {
            if (!importLine(poolId, job.jobId(), file, file.lines().get(i))) {
                break;
            }
        }
        if (end < file.lines().size() || !finish(poolId, job.jobId(),
                j -> !UserImportJob.IN_PROGRESS.equals(j.status()) ? null
                        : j.failed() + j.skipped() > j.imported()
                                ? j.completedAt(clock.instant(), UserImportJob.FAILED, TOO_MANY_FAILED)
                                : j.completedAt(clock.instant(), UserImportJob.SUCCEEDED, SUCCEEDED))) {
            submit(poolId, job.jobId());
        }
    }

    /** One line: its user (when it makes one) and the job's counts, in one write; false when the job stopped. */
    private boolean importLine(String poolId, String jobId, CsvFile file, CsvFile.Line line) {
        String sub = random.uuid();
        Instant now = clock.instant();
        ImportLine.Result result = store.write(poolId, pool -> {
            UserImportJob job = pool.importJob(jobId);
            if (!UserImportJob.IN_PROGRESS.equals(job.status())) {
                return null;
            }
            ImportLine.Result read = ImportLine.read(pool, file.header(), line, sub, now);
            if (read.user() != null) {
                pool.put(read.user());
            }
            pool.putUserImportJob(job.counted(read.outcome()));
            return read;
        });
        if (result == null) {
            return false;
        }
        if (result.reason() != null) {
            LOG.info("user import {} of {}: [{}] Line Number {} - {}", jobId, poolId, result.outcome(),
                    line.number(), result.reason());
        }
        return true;
    }

    /**
     * Ends the job as {@code end} makes it, unless it has ended already; its file is then dropped. False when
     * {@code end} answers null: the job goes on as it is.
     */
    private boolean finish(String poolId, String jobId, UnaryOperator<UserImportJob> end) {
        UserImportJob ended;
        try {
            ended = store.write(poolId, pool -> {
                UserImportJob job = pool.importJob(jobId);
                if (job == null || job.completed() != null) {
                    return job;
                }
                UserImportJob changed = end.apply(job);
                if (changed != null) {
                    pool.putUserImportJob(changed);
                }
                return changed;
            });
        } catch (CognitoException poolDeleted) {
            forget(poolId, jobId);
            return true;
        }
        if (ended == null) {
            return false;
        }
        LOG.info("user import {} of {}: {} ({} imported, {} skipped, {} failed)", jobId, poolId, ended.status(),
                ended.imported(), ended.skipped(), ended.failed());
        forget(poolId, jobId);
        return true;
    }

    private void forget(String poolId, String jobId) {
        synchronized (files) {
            files.remove(key(poolId, jobId));
        }
    }

    private static String key(String poolId, String jobId) {
        return poolId + "/" + jobId;
    }
}
