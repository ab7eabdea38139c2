package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * A user of a pool. {@code attributes} holds every attribute value, {@code sub} included, as Cognito returns
 * them. {@code passwordHash} is null for a user without a password.
 */
public record User(String username, String sub, Attributes attributes, UserStatus status, boolean enabled,
        Instant created, Instant lastModified, String passwordHash) {

    public User withAttributes(Attributes value, Instant now) {
        return new User(username, sub, value, status, enabled, created, now, passwordHash);
    }

    public User withEnabled(boolean value, Instant now) {
        return new User(username, sub, attributes, status, value, created, now, passwordHash);
    }
}
