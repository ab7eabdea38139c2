package dev.cognitoemulator.model;

/** The model's {@code min} and {@code max} of a list, a map (their sizes) or a number (its value); null where unset. */
record Bounds(Long min, Long max) {
}
