package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a pool's schema is made at creation and grows by AddCustomAttributes, with Cognito's refusals (research:
 * texts marked "captured" were seen from AWS; those from moto's suite, which follows AWS, are "unconfirmed").
 * Constraints of the other data type are dropped without an error, as AWS does (its CreateUserPool example gives a
 * Number attribute both kinds and answers only the number's).
 */
public final class SchemaRules {

    /** At most this many custom attributes per pool (Cognito's quota). */
    public static final int MAX_CUSTOM = 50;
    /** The longest string attribute (and the MaxLength a custom string attribute gets when none is given). */
    public static final int MAX_LENGTH = 2048;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    /** An attribute as a request defines it: null where the request is silent. */
    public record Definition(String name, String dataType, Boolean developerOnly, Boolean mutable, Boolean required,
            String minValue, String maxValue, String minLength, String maxLength) {
    }

    private SchemaRules() {
    }

    /**
     * CreateUserPool's schema: the standard attributes, with Required, Mutable and (strings) the length constraints as
     * the request sets them (given_name 2..100 is accepted: boto/boto3#2317), then the custom attributes it defines.
     * An entry with a standard attribute's name changes that attribute (captured: aws/aws-cdk#31593).
     */
    public static List<SchemaAttribute> initial(List<Definition> definitions) {
        List<SchemaAttribute> schema = new ArrayList<>(SchemaAttribute.STANDARD);
        List<Definition> custom = new ArrayList<>();
        for (Definition d : definitions) {
            requireName(d);
            SchemaAttribute standard = SchemaAttribute.standard(d.name());
            if (standard == null) {
                custom.add(d);
                continue;
            }
            if ((d.dataType() != null && !d.dataType().equals(standard.dataType().name()))
                    || Boolean.TRUE.equals(d.developerOnly())) {
                // Unconfirmed: moto's text.
                throw invalid("You can not change AttributeDataType or set developerOnlyAttribute for standard "
                        + "schema attribute " + d.name());
            }
            boolean mutable = d.mutable() == null ? standard.mutable() : d.mutable();
            boolean required = d.required() == null ? standard.required() : d.required();
            if ("sub".equals(d.name()) && (mutable || !required)) {
                // Unconfirmed: no capture of AWS's answer.
                throw invalid("The sub attribute cannot be made mutable or optional.");
            }
            SchemaAttribute changed = standard.withFlags(mutable, required);
            if (standard.dataType() == AttributeDataType.String && (d.minLength() != null || d.maxLength() != null)) {
                String[] lengths = lengths(standard.name(), d.minLength() == null ? standard.minLength()
                        : d.minLength(), d.maxLength() == null ? standard.maxLength() : d.maxLength());
                changed = changed.withLengths(lengths[0], lengths[1]);
            }
            schema.set(schema.indexOf(standard), changed);
        }
        return addCustom(schema, custom);
    }

    /** AddCustomAttributes: appends; names must be new; custom attributes are never required. */
    public static List<SchemaAttribute> addCustom(List<SchemaAttribute> schema, List<Definition> definitions) {
        List<SchemaAttribute> result = new ArrayList<>(schema);
        Set<String> names = new HashSet<>();
        schema.forEach(a -> names.add(a.name()));
        long customCount = schema.stream().filter(SchemaAttribute::custom).count();
        for (Definition d : definitions) {
            requireName(d);
            if (Boolean.TRUE.equals(d.required())) {
                // Captured: trek10inc/serverless-cognito-manager#4.
                throw invalid("Required custom attributes are not supported currently.");
            }
            if (d.dataType() == null) {
                // Captured text (anomalyco/sst#1645); moto refuses a custom attribute without a type the same way.
                throw invalid("Invalid AttributeDataType input, consider using the provided AttributeDataType enum.");
            }
            boolean developerOnly = Boolean.TRUE.equals(d.developerOnly());
            // A name that already starts with custom: is prefixed again (captured: custom:custom:name,
            // jmaleonard/serverless-cognito-add-custom-attributes#3).
            String name = (developerOnly ? SchemaAttribute.DEVELOPER_PREFIX : "") + SchemaAttribute.CUSTOM_PREFIX
                    + d.name();
            if (!names.add(name)) {
                // Captured: jmaleonard/serverless-cognito-add-custom-attributes#3.
                throw invalid(name + ": Existing attribute already has name " + name + ".");
            }
            if (++customCount > MAX_CUSTOM) {
                // Unconfirmed text: the quota is documented, AWS's answer is not public.
                throw invalid("A user pool can have at most " + MAX_CUSTOM + " custom attributes.");
            }
            AttributeDataType type = AttributeDataType.valueOf(d.dataType());
            String[] bounds = switch (type) {
                case String -> lengths(name, d.minLength(), d.maxLength() == null ? Integer.toString(MAX_LENGTH)
                        : d.maxLength());
                case Number -> values(name, d.minValue(), d.maxValue());
                default -> new String[2];
            };
            boolean numeric = type == AttributeDataType.Number;
            result.add(new SchemaAttribute(name, type, developerOnly, d.mutable() == null || d.mutable(), false,
                    numeric ? bounds[0] : null, numeric ? bounds[1] : null, numeric ? null : bounds[0],
                    numeric ? null : bounds[1]));
        }
        return result;
    }

    /** String constraints: whole numbers, at most 2048, the minimum not above the maximum (moto's texts). */
    private static String[] lengths(String name, String min, String max) {
        for (String bound : new String[] {min, max}) {
            if (bound != null && !WHOLE_NUMBER.matcher(bound).matches()) {
                throw invalid("Invalid StringAttributeConstraints for schema attribute " + name);
            }
        }
        if ((min != null && Long.parseLong(min) > MAX_LENGTH) || (max != null && Long.parseLong(max) > MAX_LENGTH)) {
            throw invalid("user." + name + ": String attributes cannot have a length of more than " + MAX_LENGTH);
        }
        if (min != null && max != null && Long.parseLong(min) > Long.parseLong(max)) {
            throw invalid("user." + name + ": Max length cannot be less than min length.");
        }
        return new String[] {min, max};
    }

    /** Number constraints: numbers, the minimum not above the maximum (moto's texts, unconfirmed). */
    private static String[] values(String name, String min, String max) {
        BigDecimal low = number(name, min);
        BigDecimal high = number(name, max);
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw invalid("user." + name + ": Max value cannot be less than min value.");
        }
        return new String[] {min, max};
    }

    private static BigDecimal number(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid("Invalid NumberAttributeConstraints for schema attribute " + name);
        }
    }

    private static void requireName(Definition d) {
        if (d.name() == null) {
            // Unconfirmed text.
            throw invalid("A schema attribute needs a Name.");
        }
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
