package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user pool: what it is (id, name, ARN, dates), how users sign in to it (schema, username and alias attributes,
 * case sensitivity: fixed at creation), its {@link PoolSettings} and the {@link PoolFactors} SetUserPoolMfaConfig sets.
 *
 * @param caseSensitive whether usernames (and email / preferred_username aliases) are case-sensitive;
 *                      null when the pool was created without UsernameConfiguration (then they are)
 */
public record UserPool(String id, String name, String arn, Instant creationDate, Instant lastModifiedDate,
        List<SchemaAttribute> schema, List<String> usernameAttributes, List<String> aliasAttributes,
        Boolean caseSensitive, PoolSettings settings, PoolFactors factors) {

    public UserPool {
        schema = List.copyOf(schema);
        usernameAttributes = List.copyOf(usernameAttributes);
        aliasAttributes = List.copyOf(aliasAttributes);
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
                caseSensitive, settings, factors);
    }

    /** UpdateUserPool: a new name (null keeps it), settings and factors, at once. */
    public UserPool withSettings(String newName, PoolSettings value, PoolFactors newFactors, Instant now) {
        return new UserPool(id, newName == null ? name : newName, arn, creationDate, now, schema, usernameAttributes,
                aliasAttributes, caseSensitive, value, newFactors);
    }

    /** TagResource, UntagResource: the pool's tags (its dates stay as they are). */
    public UserPool withTags(Map<String, String> tags) {
        return new UserPool(id, name, arn, creationDate, lastModifiedDate, schema, usernameAttributes, aliasAttributes,
                caseSensitive, settings.withTags(tags), factors);
    }

    /** SetUserPoolMfaConfig: the factors and the pool's {@code MfaConfiguration} and SMS text, at once. */
    public UserPool withFactors(PoolSettings newSettings, PoolFactors value, Instant now) {
        return new UserPool(id, name, arn, creationDate, now, schema, usernameAttributes, aliasAttributes,
                caseSensitive, newSettings, value);
    }
}
