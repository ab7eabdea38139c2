package dev.cognitoemulator.model;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one value of a shape, the parser standing on its first token. */
@FunctionalInterface
public interface Reader<T> {

    T read(JsonParser parser) throws IOException;
}
