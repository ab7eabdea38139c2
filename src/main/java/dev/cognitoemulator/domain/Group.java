package dev.cognitoemulator.domain;

import java.time.Instant;

/** A group of a pool; users belong to groups by name ({@link User#groups()}). */
public record Group(String groupName, String userPoolId, String description, String roleArn, Integer precedence,
        Instant creationDate, Instant lastModifiedDate) {
}
