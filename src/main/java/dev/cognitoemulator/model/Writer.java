package dev.cognitoemulator.model;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one (non-null) value of a shape. */
@FunctionalInterface
public interface Writer<T> {

    void write(JsonGenerator generator, T value) throws IOException;
}
