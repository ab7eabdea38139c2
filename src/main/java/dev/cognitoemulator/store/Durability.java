package dev.cognitoemulator.store;

/**
 * How the data directory's commits reach the disk (SQLite's {@code synchronous} setting in WAL mode). Both survive
 * the process being killed: a write is answered once SQLite has handed it to the operating system.
 */
public enum Durability {
    /** No fsync per commit: a power loss or an operating-system crash may lose the last writes, never corrupt. */
    NORMAL,
    /** An fsync per commit (per group of writes committed together): answered writes survive a power loss. */
    FULL
}
