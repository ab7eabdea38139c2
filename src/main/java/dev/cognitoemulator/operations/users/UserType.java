package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A user as AdminCreateUser, ListUsers and ListUsersInGroup return it. */
public record UserType(String username, List<AttributeType> attributes, Instant userCreateDate,
        Instant userLastModifiedDate, Boolean enabled, UserStatus userStatus) {

    public static UserType of(User user, Set<String> only) {
        return new UserType(user.username(), AttributeType.of(user.attributes(), only), user.created(),
                user.lastModified(), user.enabled(), user.status());
    }
}
