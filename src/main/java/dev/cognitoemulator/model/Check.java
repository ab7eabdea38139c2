package dev.cognitoemulator.model;

/** The constraint check of one structure: adds what breaks the model to {@code out}. */
@FunctionalInterface
public interface Check<T> {

    /** @param sensitive whether an enclosing shape is sensitive (its values are then never echoed) */
    void check(T value, String path, boolean sensitive, Violations out);
}
