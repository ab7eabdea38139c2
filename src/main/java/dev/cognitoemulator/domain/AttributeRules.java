package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The schema's rules for attribute values, once for every operation that writes or deletes attributes.
 * Every name of a request is checked before anything changes; all problems are reported in one
 * {@code InvalidParameterException}, one {@code name: reason} line each, each ending in a newline, after
 * Cognito's prefix: {@code Attributes did not conform to the schema: } when a user is created,
 * {@code Invalid user attributes: } (with names as {@code user.<name>}) when one is changed.
 */
public final class AttributeRules {

    static final String CREATE_PREFIX = "Attributes did not conform to the schema: ";
    static final String UPDATE_PREFIX = "Invalid user attributes: ";
    static final String NOT_IN_SCHEMA = "Attribute does not exist in the schema.";
    static final String IMMUTABLE = "Attribute cannot be updated. (changing an immutable attribute)";
    static final String REQUIRED = "The attribute is required";

    // AWS accepts E.164: '+', then 1 to 15 digits, the first not 0 (amplify-js#8274 captured the message).
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{0,14}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

    private AttributeRules() {
    }

    /**
     * Checks the values an administrator creates a user with (immutable attributes may be set now). Required
     * attributes may be left out: AWS's AdminCreateUser documentation leaves them for the user to supply,
     * which NEW_PASSWORD_REQUIRED then asks for.
     */
    public static void forCreate(UserPool pool, Map<String, String> values) {
        Problems problems = new Problems(CREATE_PREFIX, "");
        values.forEach((name, value) -> checkValue(pool, name, value, true, problems));
        problems.throwIfAny();
    }

    /**
     * Checks the values a user signs up with: as {@link #forCreate}, and every required attribute must have a value
     * (captured text, lower-case "the": jonsaw/amazon-cognito-identity-dart#32) but {@code sub}, required in every
     * schema, which Cognito gives the new user itself.
     */
    public static void forSignUp(UserPool pool, Map<String, String> values) {
        Problems problems = new Problems(CREATE_PREFIX, "");
        values.forEach((name, value) -> checkValue(pool, name, value, true, problems));
        for (SchemaAttribute a : pool.schema()) {
            String value = values.get(a.name());
            if (a.required() && !"sub".equals(a.name()) && (value == null || value.isEmpty())) {
                problems.add(a.name(), "the attribute is required");
            }
        }
        problems.throwIfAny();
    }

    /**
     * Checks an update of existing values and applies Cognito's verification rule: a changed email or phone
     * number is no longer verified unless the same request says it is.
     */
    public static Attributes update(UserPool pool, Attributes current, Map<String, String> changes) {
        Problems problems = new Problems(UPDATE_PREFIX, "user.");
        changes.forEach((name, value) -> checkValue(pool, name, value, false, problems));
        problems.throwIfAny();
        Map<String, String> applied = new LinkedHashMap<>(changes);
        for (String attribute : new String[] {UserLookup.EMAIL, UserLookup.PHONE}) {
            String verified = attribute + "_verified";
            String value = changes.get(attribute);
            if (value != null && !value.equals(current.get(attribute)) && !changes.containsKey(verified)
                    && current.has(verified)) {
                applied.put(verified, "false");
            }
        }
        return current.with(applied);
    }

    /**
     * Checks names to delete: each must be in the schema, neither immutable nor required; a name the user
     * does not have is fine. Deleting email or phone_number drops its verification flag too.
     */
    public static Attributes delete(UserPool pool, Attributes current, Collection<String> names) {
        Problems problems = new Problems(UPDATE_PREFIX, "user.");
        for (String name : names) {
            SchemaAttribute a = pool.attribute(name);
            if (a == null) {
                problems.add(name, NOT_IN_SCHEMA);
            } else if (!a.mutable()) {
                problems.add(name, IMMUTABLE);
            } else if (a.required()) {
                problems.add(name, REQUIRED);
            }
        }
        problems.throwIfAny();
        java.util.Set<String> removed = new java.util.LinkedHashSet<>(names);
        for (String attribute : new String[] {UserLookup.EMAIL, UserLookup.PHONE}) {
            if (names.contains(attribute)) {
                removed.add(attribute + "_verified");
            }
        }
        return current.without(removed);
    }

    private static void checkValue(UserPool pool, String name, String value, boolean creating, Problems problems) {
        SchemaAttribute a = pool.attribute(name);
        if (a == null) {
            problems.add(name, NOT_IN_SCHEMA);
            return;
        }
        if ("sub".equals(name) || (!creating && !a.mutable())) {
            problems.add(name, IMMUTABLE);
            return;
        }
        if (value == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Attribute value for " + name + " must not be null");
        }
        if (UserLookup.PHONE.equals(name) && !value.isEmpty() && !E164.matcher(value).matches()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid phone number format.");
        }
        if (UserLookup.EMAIL.equals(name) && !value.isEmpty() && !EMAIL.matcher(value).matches()) {
            // Unconfirmed text: no public capture of Cognito's answer to a malformed email.
            throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid email address format.");
        }
        String reason = typeProblem(a, value);
        if (reason != null) {
            problems.add(name, reason);
        }
    }

    /** Unconfirmed wording: no public capture of these texts; chosen in Cognito's style. */
    private static String typeProblem(SchemaAttribute a, String value) {
        switch (a.dataType()) {
            case String -> {
                int length = value.codePointCount(0, value.length());
                if (a.minLength() != null && length < Integer.parseInt(a.minLength())) {
                    return "String must be no shorter than " + a.minLength() + " characters";
                }
                int max = a.maxLength() == null ? 2048 : Integer.parseInt(a.maxLength());
                if (length > max) {
                    return "String must be no longer than " + max + " characters";
                }
                return null;
            }
            case Number -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return "Number is not valid";
                }
                if (a.minValue() != null && number.compareTo(new BigDecimal(a.minValue())) < 0) {
                    return "Number must be no less than " + a.minValue();
                }
                if (a.maxValue() != null && number.compareTo(new BigDecimal(a.maxValue())) > 0) {
                    return "Number must be no greater than " + a.maxValue();
                }
                return null;
            }
            case Boolean -> {
                return "true".equals(value) || "false".equals(value) ? null : "Value must be either true or false";
            }
            default -> {
                return null;
            }
        }
    }

    /** Problems of one request, in the order the request named them. */
    private static final class Problems {
        private final String prefix;
        private final String namePrefix;
        private final Map<String, String> byName = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        Problems(String prefix, String namePrefix) {
            this.prefix = prefix;
            this.namePrefix = namePrefix;
        }

        void add(String name, String reason) {
            if (byName.putIfAbsent(name, reason) == null) {
                text.append(namePrefix).append(name).append(": ").append(reason).append('\n');
            }
        }

        void throwIfAny() {
            if (text.length() > 0) {
                throw new CognitoException(ErrorCode.InvalidParameterException, prefix + text);
            }
        }
    }
}
