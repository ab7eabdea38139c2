package dev.cognitoemulator.protocol;

/**
 * What an operation may know of the request beyond its body.
 *
 * @param region the region the request was signed for (or the default region when unsigned)
 */
public record RequestContext(String requestId, String region) {
}
