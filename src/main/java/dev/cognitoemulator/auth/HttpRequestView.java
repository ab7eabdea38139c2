package dev.cognitoemulator.auth;

/**
 * What SigV4 needs to see of an HTTP request (and what else an operation may ask of it: the client's address),
 * without tying the signature code to a server.
 */
public interface HttpRequestView {

    String method();

    /** The path as sent on the wire (still percent-encoded). */
    String rawPath();

    /** The query string as sent, without {@code ?}; empty when there is none. */
    String rawQuery();

    /** Every value of the header, joined with {@code ,}; null when absent. */
    String header(String name);

    /** The client's IP address, as the connection gives it; null when unknown. */
    default String sourceIp() {
        return null;
    }

    /** {@code scheme://host[:port]} as the client reached the server (its Host header); null when unknown. */
    default String origin() {
        return null;
    }
}
