package dev.cognitoemulator.auth;

/** How SigV4-signed operations are checked. */
public enum AuthMode {
    /** Only configured access keys; every signature verified. */
    STRICT,
    /** Configured keys verified; an unknown key accepted after the header, scope and date checks. */
    LENIENT,
    /** No checks: any request, signed or not, is accepted. */
    OFF
}
