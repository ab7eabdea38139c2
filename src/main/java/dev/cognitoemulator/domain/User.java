package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;

/**
 * A user of a pool. {@code attributes} holds every attribute value, {@code sub} included, as Cognito returns
 * them. {@code passwordHash} is null for a user without a password; {@code groups} are the names of the
 * groups the user belongs to, sorted.
 */
public record User(String username, String sub, Attributes attributes, UserStatus status, boolean enabled,
        Instant created, Instant lastModified, String passwordHash, List<String> groups) {

    public User {
        groups = List.copyOf(groups);
    }

    public User withAttributes(Attributes value, Instant now) {
        return new User(username, sub, value, status, enabled, created, now, passwordHash, groups);
    }

    public User withEnabled(boolean value, Instant now) {
        return new User(username, sub, attributes, status, value, created, now, passwordHash, groups);
    }

    public User withPassword(String hash, UserStatus newStatus, Instant now) {
        return new User(username, sub, attributes, newStatus, enabled, created, now, hash, groups);
    }

    public User withGroups(List<String> value) {
        return new User(username, sub, attributes, status, enabled, created, lastModified, passwordHash,
                value.stream().sorted().distinct().toList());
    }
}
