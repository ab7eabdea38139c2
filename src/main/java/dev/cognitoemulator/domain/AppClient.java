package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An app client of a pool. What sign-in interprets is typed; the rest (OAuth settings, URLs, analytics,
 * ...) is kept in {@code settings} by wire name and returned as given.
 *
 * @param clientSecret null for a public client
 * @param readAttributes null when the client may read every attribute
 * @param writeAttributes null when the client may write every mutable attribute
 */
public record AppClient(String clientId, String userPoolId, String clientName, String clientSecret,
        List<String> explicitAuthFlows, TokenValidity validity, List<String> readAttributes,
        List<String> writeAttributes, String preventUserExistenceErrors, boolean enableTokenRevocation,
        int authSessionValidityMinutes, Instant creationDate, Instant lastModifiedDate, Map<String, Object> settings) {

    public AppClient {
        explicitAuthFlows = List.copyOf(explicitAuthFlows);
        readAttributes = readAttributes == null ? null : List.copyOf(readAttributes);
        writeAttributes = writeAttributes == null ? null : List.copyOf(writeAttributes);
        settings = Map.copyOf(settings);
    }

    /** Whether the flow is allowed, under its current ({@code ALLOW_…}) or legacy name. */
    public boolean allows(String flow, String legacyFlow) {
        return explicitAuthFlows.contains(flow) || (legacyFlow != null && explicitAuthFlows.contains(legacyFlow));
    }

    /** True when an unknown user is answered as a wrong password, as ENABLED asks. */
    public boolean hidesUserExistence() {
        return "ENABLED".equals(preventUserExistenceErrors);
    }
}
