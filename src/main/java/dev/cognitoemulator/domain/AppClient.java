package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.AnalyticsConfigurationType;
import dev.cognitoemulator.model.RefreshTokenRotationType;
import java.time.Instant;
import java.util.List;

/**
 * An app client of a pool.
 *
 * @param clientSecret null for a public client
 * @param readAttributes null when the client may read every attribute
 * @param writeAttributes null when the client may write every mutable attribute
 * @param analytics null when not set (kept as given)
 * @param refreshTokenRotation null when not set (kept as given)
 */
public record AppClient(String clientId, String userPoolId, String clientName, String clientSecret,
        List<String> explicitAuthFlows, TokenValidity validity, List<String> readAttributes,
        List<String> writeAttributes, String preventUserExistenceErrors, boolean enableTokenRevocation,
        int authSessionValidityMinutes, OAuthSettings oauth, AnalyticsConfigurationType analytics,
        boolean propagateAdditionalUserContextData, RefreshTokenRotationType refreshTokenRotation,
        Instant creationDate, Instant lastModifiedDate) {

    public AppClient {
        explicitAuthFlows = List.copyOf(explicitAuthFlows);
        readAttributes = OAuthSettings.copy(readAttributes);
        writeAttributes = OAuthSettings.copy(writeAttributes);
    }

    /** Whether the flow is allowed, under its current ({@code ALLOW_…}) or legacy name. */
    public boolean allows(String flow, String legacyFlow) {
        return explicitAuthFlows.contains(flow) || (legacyFlow != null && explicitAuthFlows.contains(legacyFlow));
    }

    /** True when an unknown user is answered as a wrong password, as ENABLED asks. */
    public boolean hidesUserExistence() {
        return "ENABLED".equals(preventUserExistenceErrors);
    }

    @Override
    public String toString() {
        return "AppClient[" + clientId + " of " + userPoolId + "]";
    }
}
