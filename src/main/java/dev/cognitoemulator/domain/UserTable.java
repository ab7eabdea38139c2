package dev.cognitoemulator.domain;

/** One pool's users, writable: the store keeps its indexes ({@link UserLookup#aliasKeys}) in step. */
public interface UserTable extends UserDirectory {

    /** Inserts the user, or replaces the user of the same username. */
    void put(User user);

    void remove(User user);

    void replacePool(UserPool pool);
}
