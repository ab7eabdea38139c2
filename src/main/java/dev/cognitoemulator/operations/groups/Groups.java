package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.model.GroupType;

/** Groups on the wire, as every group operation returns them. */
final class Groups {

    private Groups() {
    }

    static GroupType type(Group group) {
        return new GroupType(group.creationDate(), group.description(), group.groupName(), group.lastModifiedDate(),
                group.precedence(), group.roleArn(), group.userPoolId());
    }
}
