package dev.cognitoemulator.domain;

/** The data types of user pool attributes, named as on the wire. */
public enum AttributeDataType {
    String, Number, DateTime, Boolean
}
