package dev.cognitoemulator.operations;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.List;

/** The operation table: every implemented operation, wired to the store. */
public final class Operations {

    private Operations() {
    }

    public static List<Operation<?>> all(UserPoolStore store) {
        return List.of();
    }
}
