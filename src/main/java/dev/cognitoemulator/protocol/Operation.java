package dev.cognitoemulator.protocol;

/**
 * One AWS operation. The class's simple name is the operation's name ({@code X-Amz-Target} suffix); the
 * request arrives validated against the service model and bound to {@link #requestType()}; the returned
 * object is serialised as the response body.
 */
public interface Operation<I> {

    Class<I> requestType();

    Object execute(I request, RequestContext context);

    default String name() {
        return getClass().getSimpleName();
    }
}
