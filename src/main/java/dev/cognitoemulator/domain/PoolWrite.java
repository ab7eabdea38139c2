package dev.cognitoemulator.domain;

import java.util.List;

/**
 * One pool, being written. Each change is recorded and applied when the write ends without an exception (all or
 * nothing); reads see the pool as it was before the write, so a writer reads what it needs first, then changes.
 * The store keeps its indexes ({@link UserLookup#aliasKeys}, memberships) in step.
 */
public interface PoolWrite extends PoolView {

    /** Inserts the user, or replaces the user of the same username. */
    void put(User user);

    /** Removes the user with its refresh grants, challenge sessions, devices and passkeys. */
    void remove(User user);

    void replacePool(UserPool pool);

    void putClient(AppClient client);

    void removeClient(String clientId);

    void putGroup(Group group);

    /** Removes the group and every membership in it. */
    void removeGroup(String groupName);

    void putGrant(RefreshGrant grant);

    /** Revokes every refresh grant of the user (and so every token minted from them). */
    void revokeGrants(String sub);

    void putSession(AuthSession session);

    void removeSession(String id);

    void putSigningKey(SigningKey key);

    /** Sends the user a new code for its purpose: the old one, if any, no longer works. */
    void putCode(VerificationCode code);

    void removeCode(String sub, String purpose);

    /** Records the user's failed sign-ins; a lockout of no failures forgets them. */
    void putLockout(Lockout lockout);

    /** Inserts the device, or replaces the device of the same key. */
    void putDevice(Device device);

    void removeDevice(String key);

    /** Inserts the passkey, or replaces the passkey of the same credential id. */
    void putWebAuthnCredential(WebAuthnCredential credential);

    void removeWebAuthnCredential(String credentialId);

    /** Starts the user's passkey registration, replacing the one under way. */
    void putWebAuthnRegistration(WebAuthnRegistration registration);

    void removeWebAuthnRegistration(String sub);

    /** Sets the client's (or the pool's) classic UI customization, replacing the one before. */
    void putUICustomization(UICustomization customization);

    /** Inserts the managed login style, or replaces the style of the same id. */
    void putManagedLoginBranding(ManagedLoginBranding branding);

    void removeManagedLoginBranding(String id);

    /** Inserts the terms document, or replaces the document of the same id. */
    void putTerms(Terms terms);

    void removeTerms(String id);

    /** Inserts the identity provider, or replaces the provider of the same name. */
    void putIdentityProvider(IdentityProvider provider);

    void removeIdentityProvider(String providerName);

    /** Links a provider's identity to a user, replacing any link of the same provider and value. */
    void putProviderLink(ProviderLink link);

    void removeProviderLink(String providerName, String attributeValue);

    void putSamlCertificate(SamlCertificate certificate);

    /** Inserts the domain (claimed first: {@code UserPoolStore#claimDomain}), or replaces the one of that name. */
    void putDomain(UserPoolDomain domain);

    /** Removes the domain; its name is free again, store-wide. */
    void removeDomain(String domain);

    /** Inserts the resource server, or replaces the one of the same identifier. */
    void putResourceServer(ResourceServer server);

    void removeResourceServer(String identifier);

    /** Replaces the pool's (client id null) or the client's risk configuration. */
    void putRiskConfiguration(RiskConfiguration configuration);

    /** The pool's risk configuration (client id null) back to the defaults, or the client's to the pool's. */
    void removeRiskConfiguration(String clientId);

    /** Records the user's auth event as its newest (the oldest beyond {@link AuthEvent#MAX_PER_USER} goes), or
     * replaces the event of the same id. */
    void putAuthEvent(AuthEvent event);

    /** Inserts the pool's replica, or replaces its replica in the same region. */
    void putReplica(Replica replica);

    void removeReplica(String region);
    /** Replaces the pool's log deliveries. */
    void putLogDelivery(List<LogDestination> destinations);

    /** Inserts the user import job, or replaces the job of the same id. */
    void putUserImportJob(UserImportJob job);
}
