package dev.cognitoemulator.protocol;

/**
 * One AWS operation: Cognito's logic, from the typed request (decoded and checked against the service model) to
 * the typed response. The class's simple name is the operation's name and its type arguments are the model's input
 * and output shapes (both checked at start-up); an operation without an output shape answers {@link Void} (null).
 */
public interface Operation<I, O> {

    O execute(I request, Call call);
}
