package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;

/**
 * A user of a pool. {@code attributes} holds every attribute value, {@code sub} included, as Cognito returns
 * them. {@code credentials} is null for a user without a password; {@code groups} are the names of the groups the
 * user belongs to, sorted; {@code mfa} its MFA methods.
 */
public record User(String username, String sub, Attributes attributes, UserStatus status, boolean enabled,
        Instant created, Instant lastModified, Credentials credentials, List<String> groups, MfaSettings mfa) {

    public User {
        groups = List.copyOf(groups);
    }

    public User withAttributes(Attributes value, Instant now) {
        return new User(username, sub, value, status, enabled, created, now, credentials, groups, mfa);
    }

    public User withEnabled(boolean value, Instant now) {
        return new User(username, sub, attributes, status, value, created, now, credentials, groups, mfa);
    }

    public User withCredentials(Credentials value, UserStatus newStatus, Instant now) {
        return new User(username, sub, attributes, newStatus, enabled, created, now, value, groups, mfa);
    }

    public User withGroups(List<String> value) {
        return new User(username, sub, attributes, status, enabled, created, lastModified, credentials,
                value.stream().sorted().distinct().toList(), mfa);
    }

    public User withStatus(UserStatus value, Instant now) {
        return new User(username, sub, attributes, value, enabled, created, now, credentials, groups, mfa);
    }

    public User withMfa(MfaSettings value, Instant now) {
        return new User(username, sub, attributes, status, enabled, created, now, credentials, groups, value);
    }

    /** Whether {@code password} is this user's password. */
    public boolean hasPassword(String password) {
        return credentials != null && credentials.matches(password);
    }
}
