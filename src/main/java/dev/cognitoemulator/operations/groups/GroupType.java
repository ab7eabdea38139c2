package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import java.time.Instant;

/** A group on the wire, as every group operation returns it. */
public record GroupType(String groupName, String userPoolId, String description, String roleArn, Integer precedence,
        Instant lastModifiedDate, Instant creationDate) {

    static GroupType of(Group group) {
        return new GroupType(group.groupName(), group.userPoolId(), group.description(), group.roleArn(),
                group.precedence(), group.lastModifiedDate(), group.creationDate());
    }
}
