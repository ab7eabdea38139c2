package dev.cognitoemulator.store;

/** The data directory cannot be used: locked by another process, unreadable, corrupt, or of a newer schema. */
public final class DataDirectoryException extends RuntimeException {

    DataDirectoryException(String message) {
        super(message);
    }
}
