package dev.cognitoemulator.model;

import java.util.Set;

/**
 * An operation as the service model declares it, with the generated codec and constraints of its shapes.
 * Operations without an output shape answer {@code {}}: their output type is {@link Void} and its codec null.
 *
 * @param signed false for the operations the model marks {@code authtype: none}
 * @param errors the error codes the model lists for the operation
 */
public record OperationSpec<I, O>(String name, boolean signed, Class<I> input, Reader<I> readInput,
        Check<I> checkInput, Class<O> output, Writer<O> writeOutput, Reader<O> readOutput, Check<O> checkOutput,
        Set<String> errors) {

    /** Reads a request body (empty: no members) into the input type and checks it against the model. */
    public I decode(byte[] body) {
        I input = Wire.decode(body, readInput);
        Violations violations = new Violations();
        checkInput.check(input, "", false, violations);
        violations.throwIfAny();
        return input;
    }

    /** The response body: the output written by its codec, or {@code {}} for an operation without output. */
    public byte[] encode(O output) {
        return writeOutput == null || output == null ? Wire.EMPTY_OBJECT : Wire.encode(output, writeOutput);
    }
}
