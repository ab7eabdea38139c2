package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user pool's settings. What the emulator interprets is typed; the rest of the pool's configuration
 * (LambdaConfig, EmailConfiguration, Policies, ...) is kept in {@code settings} by wire name, as plain
 * immutable values, and returned as it was given (with AWS's defaults).
 *
 * @param caseSensitive whether usernames (and email / preferred_username aliases) are case-sensitive;
 *                      null when the pool was created without UsernameConfiguration (then they are)
 */
public record UserPool(String id, String name, String arn, Instant creationDate, Instant lastModifiedDate,
        List<SchemaAttribute> schema, List<String> usernameAttributes, List<String> aliasAttributes,
        List<String> autoVerifiedAttributes, Boolean caseSensitive, boolean deletionProtection,
        String mfaConfiguration, Map<String, String> tags, Map<String, Object> settings) {

    public UserPool {
        schema = List.copyOf(schema);
        usernameAttributes = List.copyOf(usernameAttributes);
        aliasAttributes = List.copyOf(aliasAttributes);
        autoVerifiedAttributes = List.copyOf(autoVerifiedAttributes);
        tags = Map.copyOf(tags);
        settings = Map.copyOf(settings);
    }

    public boolean usernamesCaseSensitive() {
        return caseSensitive == null || caseSensitive;
    }

    /** The schema attribute of that name, or null. */
    public SchemaAttribute attribute(String name) {
        for (SchemaAttribute a : schema) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    public UserPool withSchema(List<SchemaAttribute> value, Instant now) {
        return new UserPool(id, name, arn, creationDate, now, value, usernameAttributes, aliasAttributes,
                autoVerifiedAttributes, caseSensitive, deletionProtection, mfaConfiguration, tags, settings);
    }

    /** UpdateUserPool: everything it may change, at once (it resets what it is not given to the defaults). */
    public UserPool withUpdate(String newName, List<String> autoVerified, boolean deletion, String mfa,
            Map<String, String> newTags, Map<String, Object> newSettings, Instant now) {
        return new UserPool(id, newName, arn, creationDate, now, schema, usernameAttributes, aliasAttributes,
                autoVerified, caseSensitive, deletion, mfa, newTags, newSettings);
    }
}
