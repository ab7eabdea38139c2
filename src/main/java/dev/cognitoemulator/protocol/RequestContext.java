package dev.cognitoemulator.protocol;

/**
 * What an operation may know of the request beyond its body.
 *
 * @param region the region the request was signed for (or the default region when unsigned)
 * @param issuerBase where tokens say they come from, before {@code /<pool id>}: the configured base, else
 *                   {@code http://<Host header>}
 */
public record RequestContext(String requestId, String region, String issuerBase) {

    public String issuer(String poolId) {
        return issuerBase + "/" + poolId;
    }
}
