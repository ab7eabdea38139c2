package dev.cognitoemulator.store;

/** Placeholder. */
public interface UserPoolStore {
}
