package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.UserPool;

/** One change to the data directory's tables, made of a {@link Mutation} by {@link Rows}. */
sealed interface Change {

    /** Inserts or replaces the pool's own row. */
    record PutPool(UserPool pool) implements Change {
    }

    /** The pool's row and every row of the pool. */
    record DeletePool(String poolId) implements Change {
    }

    /** Inserts or replaces a row; {@code owner} is the user's sub or the app client's id it goes with, or null. */
    record Put(String poolId, RowKind kind, String key, String owner, Object value) implements Change {
    }

    record Delete(String poolId, RowKind kind, String key) implements Change {
    }

    /** Every row a user (its sub) or an app client (its id) owns: what goes with a deleted user or client. */
    record DeleteOwned(String poolId, String owner) implements Change {
    }
}
