package dev.cognitoemulator.tokens;

import java.util.function.Supplier;

/**
 * Where tokens say they come from: {@code <base>/<pool id>}, the same for tokens and the discovery document. The
 * base is the configured one, else {@code http://localhost:<the port the server listens on>}: fixed, whichever
 * Host a client used (a token minted through {@code 127.0.0.1} must verify against discovery read through
 * {@code localhost}). The base is read when first needed, once the server is listening.
 */
public final class Issuer {

    private final Supplier<String> base;
    private volatile String resolved;

    public Issuer(Supplier<String> base) {
        this.base = base;
    }

    public String of(String poolId) {
        return base() + "/" + poolId;
    }

    /** The base alone: where the emulator's own pages and endpoints are, as its tokens name it. */
    public String base() {
        String b = resolved;
        if (b == null) {
            b = base.get();
            resolved = b;
        }
        return b;
    }
}
