package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;

/** What the group operations share: the group look-up and the page size. */
final class Groups {

    /** The model's largest {@code Limit}; also the page size when none (or 0) is given, as ListUsers does. */
    static final int MAX_LIMIT = 60;

    private Groups() {
    }

    /** Group names are matched exactly (case-sensitively). */
    static Group find(PoolView pool, String groupName) {
        Group group = pool.group(groupName);
        if (group == null) {
            // Captured: aws-amplify/amplify-cli#2214 (AdminAddUserToGroup against AWS).
            throw new CognitoException(ErrorCode.ResourceNotFoundException, "Group not found.");
        }
        return group;
    }

    static int limit(Integer limit) {
        return limit == null || limit == 0 ? MAX_LIMIT : limit;
    }
}
