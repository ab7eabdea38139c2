package dev.cognitoemulator.domain;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How long an app client's tokens live: each value in its unit ({@code seconds}, {@code minutes},
 * {@code hours}, {@code days}). AWS's defaults: access and ID tokens 60 minutes, refresh tokens 30 days.
 */
public record TokenValidity(int access, String accessUnit, int id, String idUnit, int refresh, String refreshUnit) {

    public static final TokenValidity DEFAULT = new TokenValidity(60, "minutes", 60, "minutes", 30, "days");

    public Duration accessTtl() {
        return duration(access, accessUnit);
    }

    public Duration idTtl() {
        return duration(id, idUnit);
    }

    public Duration refreshTtl() {
        return duration(refresh, refreshUnit);
    }

    public static Duration duration(long amount, String unit) {
        return Duration.of(amount, ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT)));
    }
}
