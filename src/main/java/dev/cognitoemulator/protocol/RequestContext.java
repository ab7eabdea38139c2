package dev.cognitoemulator.protocol;

/**
 * What an operation may know of the request beyond its body.
 *
 * @param region the region the request was signed for (or the default region when unsigned)
 * @param configuredIssuerBase the configured issuer base; empty when tokens' issuer follows the Host header
 * @param host the request's Host header (null when absent)
 */
public record RequestContext(String requestId, String region, String configuredIssuerBase, String host) {

    /** Where tokens say they come from: {@code <issuer base>/<pool id>}; worked out only when a token is made. */
    public String issuer(String poolId) {
        return issuer(configuredIssuerBase, host, poolId);
    }

    /** The one rule, for tokens and for the discovery document: the configured base, else http://Host. */
    public static String issuer(String configuredIssuerBase, String host, String poolId) {
        String base = configuredIssuerBase.isEmpty() ? "http://" + (host == null ? "localhost" : host)
                : configuredIssuerBase;
        return base + "/" + poolId;
    }
}
