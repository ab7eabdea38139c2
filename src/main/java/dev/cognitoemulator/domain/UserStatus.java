package dev.cognitoemulator.domain;

/** Account states, named as on the wire. */
public enum UserStatus {
    UNCONFIRMED, CONFIRMED, ARCHIVED, COMPROMISED, UNKNOWN, RESET_REQUIRED, FORCE_CHANGE_PASSWORD, EXTERNAL_PROVIDER
}
