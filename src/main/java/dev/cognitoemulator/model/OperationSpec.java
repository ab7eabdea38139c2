package dev.cognitoemulator.model;

import java.util.Map;
import java.util.Set;

/**
 * An operation as the service model declares it, with the generated codecs and constraints of its shapes (chosen by
 * its index: see the generated {@code OperationCodecs}). Operations without an output shape answer {@code {}}: their
 * output type is {@link Void} and their output codecs null.
 */
public final class OperationSpec<I, O> {

    /**
     * Members whose values AWS takes beyond the model's constraints, by operation. A custom domain is a whole host
     * name ({@code auth.example.com}: documented, API reference, CreateUserPoolDomain), while DomainType's length and
     * pattern are those of one label; the domain operations check names themselves ({@code UserPoolDomain}).
     */
    private static final Map<String, Set<String>> AWS_TAKES = Map.of(
            "CreateUserPoolDomain", Set.of("domain"), "UpdateUserPoolDomain", Set.of("domain"),
            "DeleteUserPoolDomain", Set.of("domain"), "DescribeUserPoolDomain", Set.of("domain"));

    private final int index;
    private final String name;
    private final boolean signed;
    private final Class<I> input;
    private final Class<O> output;
    private final Set<String> errors;
    private final Reader<I> readInput;
    private final Writer<O> writeOutput;
    /** Null for most: see {@link #AWS_TAKES}. */
    private final Set<String> awsTakes;

    /**
     * @param index the operation's place in {@link ServiceOperations#ALL}
     * @param signed false for the operations the model marks {@code authtype: none}
     * @param errors the error codes the model lists for the operation
     */
    OperationSpec(int index, String name, boolean signed, Class<I> input, Class<O> output, Set<String> errors) {
        this.index = index;
        this.name = name;
        this.signed = signed;
        this.input = input;
        this.output = output;
        this.errors = errors;
        this.awsTakes = AWS_TAKES.get(name);
        this.readInput = p -> input.cast(OperationCodecs.readInput(index, p));
        this.writeOutput = output == Void.class ? null : (g, v) -> OperationCodecs.writeOutput(index, g, v);
    }

    public String name() {
        return name;
    }

    public boolean signed() {
        return signed;
    }

    public Class<I> input() {
        return input;
    }

    public Class<O> output() {
        return output;
    }

    public Set<String> errors() {
        return errors;
    }

    /** Reads a request body (empty: no members) into the input type and checks it against the model. */
    public I decode(byte[] body) {
        I value = Wire.decode(body, readInput);
        Violations violations = new Violations();
        OperationCodecs.checkInput(index, value, "", false, violations);
        (awsTakes == null ? violations : violations.excludingValues(awsTakes::contains)).throwIfAny();
        return value;
    }

    /** The response body: the output written by its codec, or {@code {}} for an operation without output. */
    public byte[] encode(O value) {
        return writeOutput == null || value == null ? Wire.EMPTY_OBJECT : Wire.encode(value, writeOutput);
    }

    /** The output's writer; null for an operation without output. */
    public Writer<O> writeOutput() {
        return writeOutput;
    }

    /** The output's reader (a client's side, for tests); null for an operation without output. */
    public Reader<O> readOutput() {
        return writeOutput == null ? null : p -> output.cast(OperationCodecs.readOutput(index, p));
    }

    /** The output's constraint check (for tests); null for an operation without output. */
    public Check<O> checkOutput() {
        return writeOutput == null ? null
                : (value, path, sensitive, out) -> OperationCodecs.checkOutput(index, value, path, sensitive, out);
    }

    @Override
    public String toString() {
        return "OperationSpec[" + name + "]";
    }
}
