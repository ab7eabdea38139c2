package dev.cognitoemulator.domain;

import java.util.List;

/**
 * One attribute of a pool's schema. Constraints are kept as AWS keeps them: strings, null when unset.
 * Custom attributes are stored with their full name ({@code custom:tier}, or {@code dev:custom:tier} when
 * developer-only).
 */
public record SchemaAttribute(String name, AttributeDataType dataType, boolean developerOnly, boolean mutable,
        boolean required, String minValue, String maxValue, String minLength, String maxLength) {

    public static final String CUSTOM_PREFIX = "custom:";
    public static final String DEVELOPER_PREFIX = "dev:";

    public boolean custom() {
        return name.startsWith(CUSTOM_PREFIX) || name.startsWith(DEVELOPER_PREFIX + CUSTOM_PREFIX);
    }

    /** The schema AWS gives every new pool (as DescribeUserPool returns it), before any custom attribute. */
    public static final List<SchemaAttribute> STANDARD = List.of(
            string("sub", false, true, "1", "2048"),
            string("name", true, false, "0", "2048"),
            string("given_name", true, false, "0", "2048"),
            string("family_name", true, false, "0", "2048"),
            string("middle_name", true, false, "0", "2048"),
            string("nickname", true, false, "0", "2048"),
            string("preferred_username", true, false, "0", "2048"),
            string("profile", true, false, "0", "2048"),
            string("picture", true, false, "0", "2048"),
            string("website", true, false, "0", "2048"),
            string("email", true, false, "0", "2048"),
            new SchemaAttribute("email_verified", AttributeDataType.Boolean, false, true, false,
                    null, null, null, null),
            string("gender", true, false, "0", "2048"),
            string("birthdate", true, false, "10", "10"),
            string("zoneinfo", true, false, "0", "2048"),
            string("locale", true, false, "0", "2048"),
            string("phone_number", true, false, "0", "2048"),
            new SchemaAttribute("phone_number_verified", AttributeDataType.Boolean, false, true, false,
                    null, null, null, null),
            string("address", true, false, "0", "2048"),
            new SchemaAttribute("updated_at", AttributeDataType.Number, false, true, false,
                    "0", null, null, null),
            string("identities", true, false, null, null));

    private static SchemaAttribute string(String name, boolean mutable, boolean required, String min, String max) {
        return new SchemaAttribute(name, AttributeDataType.String, false, mutable, required, null, null, min, max);
    }

    public static SchemaAttribute standard(String name) {
        for (SchemaAttribute a : STANDARD) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    public SchemaAttribute withLengths(String min, String max) {
        return new SchemaAttribute(name, dataType, developerOnly, mutable, required, minValue, maxValue, min, max);
    }

    public SchemaAttribute withFlags(boolean mutable, boolean required) {
        return new SchemaAttribute(name, dataType, developerOnly, mutable, required, minValue, maxValue, minLength,
                maxLength);
    }
}
