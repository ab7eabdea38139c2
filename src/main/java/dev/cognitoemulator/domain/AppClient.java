package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.AnalyticsConfigurationType;
import dev.cognitoemulator.model.RefreshTokenRotationType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * An app client of a pool.
 *
 * @param secrets none for a public client; up to {@link ClientSecret#MAX_PER_CLIENT}, oldest first, each accepted
 * @param readAttributes null when the client may read every attribute
 * @param writeAttributes null when the client may write every mutable attribute
 * @param analytics null when not set (kept as given)
 * @param refreshTokenRotation null when not set (kept as given)
 */
public record AppClient(String clientId, String userPoolId, String clientName, List<ClientSecret> secrets,
        List<String> explicitAuthFlows, TokenValidity validity, List<String> readAttributes,
        List<String> writeAttributes, String preventUserExistenceErrors, boolean enableTokenRevocation,
        int authSessionValidityMinutes, OAuthSettings oauth, AnalyticsConfigurationType analytics,
        boolean propagateAdditionalUserContextData, RefreshTokenRotationType refreshTokenRotation,
        Instant creationDate, Instant lastModifiedDate) {

    public AppClient {
        secrets = List.copyOf(secrets);
        explicitAuthFlows = List.copyOf(explicitAuthFlows);
        readAttributes = OAuthSettings.copy(readAttributes);
        writeAttributes = OAuthSettings.copy(writeAttributes);
    }

    public boolean hasSecret() {
        return !secrets.isEmpty();
    }

    /**
     * The secret DescribeUserPoolClient shows: the one the client was created with, while it exists; a secret added
     * later is never shown there, not even when the first is deleted (captured*: floci-io/floci#345, a contributor's
     * account of AWS's behaviour). Null for a public client.
     */
    public String shownSecret() {
        return secrets.isEmpty() || !secrets.get(0).createDate().equals(creationDate) ? null : secrets.get(0).value();
    }

    /** Whether {@code given} is one of the client's secrets (compared in constant time; null is none). */
    public boolean acceptsSecret(String given) {
        if (given == null) {
            return false;
        }
        boolean found = false;
        for (ClientSecret secret : secrets) {
            found |= MessageDigest.isEqual(secret.value().getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    public AppClient withSecrets(List<ClientSecret> value, Instant now) {
        return new AppClient(clientId, userPoolId, clientName, value, explicitAuthFlows, validity, readAttributes,
                writeAttributes, preventUserExistenceErrors, enableTokenRevocation, authSessionValidityMinutes, oauth,
                analytics, propagateAdditionalUserContextData, refreshTokenRotation, creationDate, now);
    }

    /** The client under another id (a seed's {@code ClientId}), its secrets' ids following it. */
    public AppClient withId(String id) {
        return new AppClient(id, userPoolId, clientName, secrets.stream()
                .map(s -> ClientSecret.of(id, s.value(), s.createDate())).toList(), explicitAuthFlows, validity,
                readAttributes, writeAttributes, preventUserExistenceErrors, enableTokenRevocation,
                authSessionValidityMinutes, oauth, analytics, propagateAdditionalUserContextData, refreshTokenRotation,
                creationDate, lastModifiedDate);
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
