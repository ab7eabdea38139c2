package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.UserPool;

/**
 * Where the store's writes go besides memory: nowhere ({@link #NONE}), or a data directory ({@link SqliteJournal}).
 * A write takes an {@link Entry} before its pool's lock, records its mutations into it as they are applied, submits
 * it under the lock (so entries reach the journal in the order their writes changed the pool) and waits for it
 * after the lock, before its answer is sent.
 */
interface Journal extends AutoCloseable {

    Journal NONE = new Journal() {
        @Override
        public Entry begin() {
            return Entry.NONE;
        }

        @Override
        public void close() {
        }
    };

    /** A write's entry; may wait (bounded) for room, and refuses when the journal has failed. */
    Entry begin();

    @Override
    void close();

    /** One write's changes. */
    interface Entry extends AutoCloseable {

        Entry NONE = new Entry() {
            @Override
            public void record(PoolState state, Mutation mutation) {
            }

            @Override
            public void createPool(UserPool pool) {
            }

            @Override
            public void deletePool(String poolId) {
            }

            @Override
            public void submit() {
            }

            @Override
            public void await() {
            }

            @Override
            public void close() {
            }
        };

        /** The mutation, about to be applied to the pool as it is now. */
        void record(PoolState state, Mutation mutation);

        void createPool(UserPool pool);

        void deletePool(String poolId);

        /** Under the pool's lock, once the write's mutations are applied. */
        void submit();

        /** After the pool's lock: returns once the entry is written, or throws. */
        void await();

        /** Gives back the entry's room when it was never submitted. */
        @Override
        void close();
    }
}
