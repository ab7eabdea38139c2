package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** How a pool's schema is made at creation and grows by AddCustomAttributes. */
public final class SchemaRules {

    /** At most this many custom attributes per pool (Cognito's quota). */
    public static final int MAX_CUSTOM = 50;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    /** An attribute as a request defines it: null where the request is silent. */
    public record Definition(String name, String dataType, Boolean developerOnly, Boolean mutable, Boolean required,
            String minValue, String maxValue, String minLength, String maxLength) {
    }

    private SchemaRules() {
    }

    /**
     * CreateUserPool's schema: the standard attributes, with Required/Mutable as the request sets them, then
     * the custom attributes it defines.
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
                throw invalid("You can not change AttributeDataType or set developerOnlyAttribute for standard "
                        + "schema attribute " + d.name());
            }
            boolean mutable = d.mutable() == null ? standard.mutable() : d.mutable();
            boolean required = d.required() == null ? standard.required() : d.required();
            if ("sub".equals(d.name()) && (mutable || !required)) {
                throw invalid("The sub attribute cannot be made mutable or optional.");
            }
            schema.set(schema.indexOf(standard), standard.withFlags(mutable, required));
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
            boolean developerOnly = Boolean.TRUE.equals(d.developerOnly());
            String name = (developerOnly ? SchemaAttribute.DEVELOPER_PREFIX : "") + SchemaAttribute.CUSTOM_PREFIX
                    + d.name();
            if (!names.add(name)) {
                throw invalid("Existing attribute already has name " + name + ".");
            }
            if (++customCount > MAX_CUSTOM) {
                throw invalid("A user pool can have at most " + MAX_CUSTOM + " custom attributes.");
            }
            AttributeDataType type = d.dataType() == null ? AttributeDataType.String
                    : AttributeDataType.valueOf(d.dataType());
            boolean numeric = type == AttributeDataType.Number;
            boolean text = type == AttributeDataType.String;
            for (String bound : new String[] {numeric ? d.minValue() : null, numeric ? d.maxValue() : null,
                text ? d.minLength() : null, text ? d.maxLength() : null}) {
                if (bound != null && !WHOLE_NUMBER.matcher(bound).matches()) {
                    throw invalid("Invalid constraint value " + bound + " for attribute " + name + ".");
                }
            }
            result.add(new SchemaAttribute(name, type, developerOnly, d.mutable() == null || d.mutable(), false,
                    numeric ? d.minValue() : null, numeric ? d.maxValue() : null,
                    text ? d.minLength() : null, text ? d.maxLength() : null));
        }
        return result;
    }

    private static void requireName(Definition d) {
        if (d.name() == null) {
            throw invalid("A schema attribute needs a Name.");
        }
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
