package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A group of a pool; users belong to groups by name ({@link User#groups()}). */
public record Group(String groupName, String userPoolId, String description, String roleArn, Integer precedence,
        Instant creationDate, Instant lastModifiedDate) {

    /** The IAM roles of these groups (cognito:roles), each once, in the groups' order. */
    public static List<String> roles(List<Group> groups) {
        return groups.stream().map(Group::roleArn).filter(role -> role != null).distinct().toList();
    }

    /**
     * The preferred role (cognito:preferred_role): the role of the group with a role and the lowest precedence (no
     * precedence last, then by name); null when no group has a role.
     */
    public static String preferredRole(List<Group> groups) {
        List<Group> withRoles = new ArrayList<>(groups.stream().filter(g -> g.roleArn() != null).toList());
        if (withRoles.isEmpty()) {
            return null;
        }
        withRoles.sort(Comparator.comparing((Group g) -> g.precedence() == null ? Integer.MAX_VALUE
                : g.precedence()).thenComparing(Group::groupName));
        return withRoles.get(0).roleArn();
    }
}
