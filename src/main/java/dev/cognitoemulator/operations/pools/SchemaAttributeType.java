package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.AttributeDataType;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.SchemaRules;

/** A schema attribute on the wire (CreateUserPool, AddCustomAttributes, DescribeUserPool). */
public record SchemaAttributeType(String name, String attributeDataType, Boolean developerOnlyAttribute,
        Boolean mutable, Boolean required, NumberAttributeConstraintsType numberAttributeConstraints,
        StringAttributeConstraintsType stringAttributeConstraints) {

    public record NumberAttributeConstraintsType(String minValue, String maxValue) {
    }

    public record StringAttributeConstraintsType(String minLength, String maxLength) {
    }

    SchemaRules.Definition definition() {
        NumberAttributeConstraintsType n = numberAttributeConstraints;
        StringAttributeConstraintsType s = stringAttributeConstraints;
        return new SchemaRules.Definition(name, attributeDataType, developerOnlyAttribute, mutable, required,
                n == null ? null : n.minValue(), n == null ? null : n.maxValue(),
                s == null ? null : s.minLength(), s == null ? null : s.maxLength());
    }

    static SchemaAttributeType of(SchemaAttribute a) {
        return new SchemaAttributeType(a.name(), a.dataType().name(), a.developerOnly(), a.mutable(), a.required(),
                a.dataType() == AttributeDataType.Number
                        ? new NumberAttributeConstraintsType(a.minValue(), a.maxValue()) : null,
                a.dataType() == AttributeDataType.String
                        ? new StringAttributeConstraintsType(a.minLength(), a.maxLength()) : null);
    }
}
