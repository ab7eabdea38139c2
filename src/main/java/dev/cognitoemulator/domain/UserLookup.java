package dev.cognitoemulator.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a pool finds a user from the {@code Username} of a request, once, for every operation: the username
 * (case-insensitively when the pool says so), then the user's {@code sub}, then the aliases the pool allows:
 * email and phone number only once verified (always, in a pool that signs in with them as username),
 * preferred_username whenever set.
 */
public final class UserLookup {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone_number";
    public static final String PREFERRED_USERNAME = "preferred_username";
    private static final String[] ALIASABLE = {EMAIL, PHONE, PREFERRED_USERNAME};

    private UserLookup() {
    }

    public static User findOrNull(PoolView users, String username) {
        UserPool pool = users.pool();
        User user = users.byUsernameKey(usernameKey(pool, username));
        if (user != null) {
            return user;
        }
        user = users.bySub(username);
        if (user != null) {
            return user;
        }
        for (String attribute : ALIASABLE) {
            if (aliasable(pool, attribute)) {
                user = users.byAlias(aliasKey(pool, attribute, username));
                if (user != null) {
                    return user;
                }
            }
        }
        return null;
    }

    public static String usernameKey(UserPool pool, String username) {
        return pool.usernamesCaseSensitive() ? username : username.toLowerCase(Locale.ROOT);
    }

    public static String aliasKey(UserPool pool, String attribute, String value) {
        String normalised = PHONE.equals(attribute) || pool.usernamesCaseSensitive()
                ? value : value.toLowerCase(Locale.ROOT);
        return attribute + ':' + normalised;
    }

    /** The alias keys under which the user can be found, as the pool's alias rules give them. */
    public static List<String> aliasKeys(UserPool pool, User user) {
        List<String> keys = new ArrayList<>(1);
        for (String attribute : ALIASABLE) {
            String value = user.attributes().get(attribute);
            if (value != null && aliasActive(pool, attribute, user.attributes())) {
                keys.add(aliasKey(pool, attribute, value));
            }
        }
        return keys;
    }

    /** Whether a value of the attribute, with these attributes beside it, makes an alias in this pool. */
    public static boolean aliasActive(UserPool pool, String attribute, Attributes attributes) {
        if (pool.usernameAttributes().contains(attribute)) {
            return true;
        }
        if (!pool.aliasAttributes().contains(attribute)) {
            return false;
        }
        return switch (attribute) {
            case PREFERRED_USERNAME -> true;
            case EMAIL -> "true".equals(attributes.get("email_verified"));
            case PHONE -> "true".equals(attributes.get("phone_number_verified"));
            default -> "true".equals(attributes.get(attribute + "_verified"));
        };
    }

    /** Another user already holding one of the aliases the candidate would hold. */
    public record AliasConflict(String attribute, User owner) {
        /** Cognito's text: {@code An account with the given email already exists.} */
        public String message() {
            return "An account with the given " + attribute + " already exists.";
        }

        /** AliasExistsException's text (documented: user-pool-managing-errors.html, for ConfirmSignUp). */
        public String aliasExistsMessage() {
            return "An account with the " + attribute + " already exists.";
        }
    }

    /** The first alias of {@code candidate} that belongs to someone else, or null. */
    public static AliasConflict aliasConflict(PoolView users, User candidate) {
        List<AliasConflict> conflicts = aliasConflicts(users, candidate);
        return conflicts.isEmpty() ? null : conflicts.get(0);
    }

    /** Every alias of {@code candidate} that belongs to someone else. */
    public static List<AliasConflict> aliasConflicts(PoolView users, User candidate) {
        UserPool pool = users.pool();
        List<AliasConflict> conflicts = new ArrayList<>(0);
        for (String attribute : ALIASABLE) {
            String value = candidate.attributes().get(attribute);
            if (value != null && aliasActive(pool, attribute, candidate.attributes())) {
                User owner = users.byAlias(aliasKey(pool, attribute, value));
                if (owner != null && !owner.sub().equals(candidate.sub())) {
                    conflicts.add(new AliasConflict(attribute, owner));
                }
            }
        }
        return conflicts;
    }

    private static boolean aliasable(UserPool pool, String attribute) {
        return pool.usernameAttributes().contains(attribute) || pool.aliasAttributes().contains(attribute);
    }
}
