package dev.cognitoemulator.store;

import java.time.Clock;

/** Placeholder. */
public final class InMemoryUserPoolStore implements UserPoolStore {
    public InMemoryUserPoolStore(Clock clock, String accountId) {
    }
}
