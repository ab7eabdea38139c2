package dev.cognitoemulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cognitoemulator.domain.UserPool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: an SQLite database in WAL mode holding every pool as rows (table {@code pools}, one row a pool;
 * table {@code records}, one row per record of a pool, keyed by pool, {@link RowKind kind} and key, the record as
 * JSON), and a lock file that keeps a second process out. Loaded into memory once at start; then written by one
 * thread, which commits the writes waiting at that moment together (group commit) and answers each after its
 * commit.
 */
final class SqliteJournal implements Journal {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);

    static final String DATABASE = "cognito-emulator.db";
    static final String LOCK = "cognito-emulator.lock";
    /**
     * The schema's versions (SQLite's {@code user_version}); step {@code i} takes a database from version {@code i}
     * to {@code i + 1} (version 0: a new, empty database).
     */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE pools (pool TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE records (pool TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, owner TEXT,"
                    + " value TEXT NOT NULL, PRIMARY KEY (pool, kind, key))",
            "CREATE INDEX records_owner ON records (pool, owner) WHERE owner IS NOT NULL"));
    static final int SCHEMA_VERSION = MIGRATIONS.size();
    /** Writes waiting or being written at once; a write waits up to {@link #WAIT_SECONDS} for room. */
    private static final int ROOM = 8192;
    /** Writes committed together at most. */
    private static final int BATCH = 1024;
    private static final long WAIT_SECONDS = 30;

    private final Path database;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Connection db;
    private final Semaphore room = new Semaphore(ROOM);
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Put after the last write when closing. */
    private final Pending stop = new Pending();
    private volatile Exception failure;
    private volatile boolean closed;

    private SqliteJournal(Path database, FileChannel lockFile, FileLock lock, Connection db) {
        this.database = database;
        this.lockFile = lockFile;
        this.lock = lock;
        this.db = db;
        this.writer = new Thread(this::writeLoop, "cognito-emulator-data-dir");
        writer.setDaemon(true);
    }

    /**
     * Locks the directory (made when missing), opens its database (made, or migrated to this version's schema) and
     * loads every pool through {@code newPool}, which makes (and registers) a pool's state; then starts writing.
     */
    static SqliteJournal open(Path dir, Durability durability, Function<UserPool, PoolState> newPool) {
        FileChannel lockFile = null;
        FileLock lock = null;
        Connection db = null;
        Path database = dir.resolve(DATABASE);
        try {
            Files.createDirectories(dir);
            lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new DataDirectoryException("the data directory " + dir + " is in use by another cognito-emulator"
                        + " (" + dir.resolve(LOCK) + " is locked)");
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + database);
            pragmas(db, durability);
            migrate(db, dir);
            load(db, newPool);
            db.setAutoCommit(false);
            SqliteJournal journal = new SqliteJournal(database, lockFile, lock, db);
            journal.writer.start();
            return journal;
        } catch (IOException e) {
            release(lockFile, lock, db);
            throw new DataDirectoryException("cannot use the data directory " + dir + ": " + e);
        } catch (SQLException e) {
            release(lockFile, lock, db);
            throw new DataDirectoryException("cannot read " + database + ": " + e.getMessage());
        } catch (RuntimeException e) {
            release(lockFile, lock, db);
            throw e;
        }
    }

    private static void pragmas(Connection db, Durability durability) throws SQLException {
        try (Statement s = db.createStatement()) {
            try (ResultSet mode = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("WAL mode is not available");
                }
            }
            s.execute("PRAGMA synchronous = " + durability.name());
            // Checkpoints every 64 MiB of WAL (16384 pages) rather than 4 MiB, and a 64 MiB page cache: writes
            // rewrite the same rows' pages again and again, and fewer checkpoints took the --data-dir delete
            // workload from 15.6k to 21.5k requests/s in bench/run.sh (WORKLOADS=durable).
            s.execute("PRAGMA wal_autocheckpoint = 16384");
            s.execute("PRAGMA cache_size = -65536");
        }
    }

    private static void migrate(Connection db, Path dir) throws SQLException {
        int version;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            r.next();
            version = r.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new DataDirectoryException("the data directory " + dir + " was written by a newer cognito-emulator"
                    + " (schema version " + version + "; this one reads versions up to " + SCHEMA_VERSION + ")");
        }
        for (int step = version; step < SCHEMA_VERSION; step++) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : MIGRATIONS.get(step)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (step + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            if (step > 0) {
                LOG.info("data directory {}: schema migrated from version {} to {}", dir, step, step + 1);
            }
        }
    }

    /** Every pool first, then the rows in the order they were last written (sessions keep their age order). */
    private static void load(Connection db, Function<UserPool, PoolState> newPool) throws SQLException {
        Map<String, PoolState> pools = new HashMap<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT pool, value FROM pools")) {
                while (r.next()) {
                    String id = r.getString(1);
                    UserPool pool = decode(r.getString(2), UserPool.class, "pool " + id);
                    if (!pool.id().equals(id)) {
                        throw new DataDirectoryException("the row of pool " + id + " holds pool " + pool.id());
                    }
                    pools.put(id, newPool.apply(pool));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT pool, kind, key, value FROM records ORDER BY rowid")) {
                while (r.next()) {
                    String where = r.getString(2) + " " + r.getString(3) + " of pool " + r.getString(1);
                    PoolState state = pools.get(r.getString(1));
                    RowKind kind = RowKind.ofColumn(r.getString(2));
                    if (state == null || kind == null) {
                        throw new SQLException("the row " + where + (state == null ? " has no pool"
                                : " is of an unknown kind"));
                    }
                    try {
                        state.apply(kind.load(r.getString(4)));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("the row " + where + " is not a " + kind.type().getSimpleName()
                                + ": " + e.getOriginalMessage());
                    }
                }
            }
        }
    }

    private static <T> T decode(String json, Class<T> type, String where) throws SQLException {
        try {
            return Records.read(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("the row " + where + " is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    @Override
    public Entry begin() {
        check();
        try {
            if (!room.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the data directory is " + ROOM + " writes behind; gave up after "
                        + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the data directory", e);
        }
        return new Pending();
    }

    private void check() {
        Exception failed = failure;
        if (failed != null) {
            throw new IllegalStateException("the data directory cannot be written since an earlier failure: "
                    + failed.getMessage(), failed);
        }
        if (closed) {
            throw new IllegalStateException("the data directory is closed");
        }
    }

    /** One write's changes, and when they are committed. */
    private final class Pending implements Entry {
        private final List<Change> changes = new ArrayList<>(4);
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private boolean submitted;
        private boolean released;

        @Override
        public void record(PoolState state, Mutation mutation) {
            mutation.accept(new Rows(state, changes));
        }

        @Override
        public void createPool(UserPool pool) {
            changes.add(new Change.PutPool(pool));
        }

        @Override
        public void deletePool(String poolId) {
            changes.add(new Change.DeletePool(poolId));
        }

        @Override
        public void submit() {
            if (!changes.isEmpty()) {
                submitted = true;
                queue.add(this);
            }
        }

        @Override
        public void await() {
            if (!submitted) {
                return;
            }
            try {
                done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the data directory", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the data directory cannot be written: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the data directory did not take the write within " + WAIT_SECONDS
                        + " s");
            }
        }

        @Override
        public void close() {
            if (!submitted && !released) {
                released = true;
                room.release();
            }
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(BATCH);
        try (PreparedStatement putPool = db.prepareStatement(
                        "INSERT OR REPLACE INTO pools (pool, value) VALUES (?, ?)");
                PreparedStatement deletePool = db.prepareStatement("DELETE FROM pools WHERE pool = ?");
                PreparedStatement deletePoolRows = db.prepareStatement("DELETE FROM records WHERE pool = ?");
                PreparedStatement put = db.prepareStatement(
                        "INSERT INTO records (pool, kind, key, owner, value) VALUES (?, ?, ?, ?, ?)"
                                // An update keeps the row's rowid: rows load in rowid order, which keeps the order
                                // of what a pool holds in order (a user's auth events, newest last).
                                + " ON CONFLICT (pool, kind, key) DO UPDATE SET owner = excluded.owner,"
                                + " value = excluded.value");
                PreparedStatement delete = db.prepareStatement(
                        "DELETE FROM records WHERE pool = ? AND kind = ? AND key = ?");
                PreparedStatement deleteOwned = db.prepareStatement(
                        "DELETE FROM records WHERE pool = ? AND owner = ?")) {
            Statements statements = new Statements(putPool, deletePool, deletePoolRows, put, delete, deleteOwned);
            while (true) {
                Pending first = queue.take();
                if (first == stop) {
                    return;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                boolean stopping = batch.remove(stop);
                commit(batch, statements);
                room.release(batch.size());
                batch.clear();
                if (stopping) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            fail(e, batch);
        }
    }

    private record Statements(PreparedStatement putPool, PreparedStatement deletePool,
            PreparedStatement deletePoolRows, PreparedStatement put, PreparedStatement delete,
            PreparedStatement deleteOwned) {
    }

    /** The batch in one transaction; each write's waiter learns the outcome. */
    private void commit(List<Pending> batch, Statements s) {
        if (failure != null) {
            batch.forEach(p -> p.done.completeExceptionally(failure));
            return;
        }
        try {
            for (Pending pending : batch) {
                for (Change change : pending.changes) {
                    write(change, s);
                }
            }
            db.commit();
            batch.forEach(p -> p.done.complete(null));
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            fail(e, batch);
        }
    }

    private void fail(Exception e, List<Pending> batch) {
        if (failure == null) {
            failure = e;
            LOG.error("cannot write to {}; writes are refused from now on (the answered ones are in it)", database, e);
        }
        batch.forEach(p -> p.done.completeExceptionally(e));
    }

    private static void write(Change change, Statements s) throws SQLException {
        if (change instanceof Change.Put c) {
            s.put.setString(1, c.poolId());
            s.put.setString(2, c.kind().column());
            s.put.setString(3, c.key());
            s.put.setString(4, c.owner());
            s.put.setString(5, Records.write(c.value()));
            s.put.executeUpdate();
        } else if (change instanceof Change.Delete c) {
            s.delete.setString(1, c.poolId());
            s.delete.setString(2, c.kind().column());
            s.delete.setString(3, c.key());
            s.delete.executeUpdate();
        } else if (change instanceof Change.DeleteOwned c) {
            s.deleteOwned.setString(1, c.poolId());
            s.deleteOwned.setString(2, c.owner());
            s.deleteOwned.executeUpdate();
        } else if (change instanceof Change.PutPool c) {
            s.putPool.setString(1, c.pool().id());
            s.putPool.setString(2, Records.write(c.pool()));
            s.putPool.executeUpdate();
        } else if (change instanceof Change.DeletePool c) {
            s.deletePoolRows.setString(1, c.poolId());
            s.deletePoolRows.executeUpdate();
            s.deletePool.setString(1, c.poolId());
            s.deletePool.executeUpdate();
        } else {
            throw new IllegalArgumentException("unknown change " + change.getClass().getSimpleName());
        }
    }

    /** Writes what was submitted, then closes the database and gives up the directory's lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(stop);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("the data directory's writer did not stop within {} s", WAIT_SECONDS);
        }
        release(lockFile, lock, db);
    }

    private static void release(FileChannel lockFile, FileLock lock, Connection db) {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            LOG.warn("closing the data directory's database: {}", e.getMessage());
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            LOG.warn("releasing the data directory's lock: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SqliteJournal[" + database + "]";
    }
}
