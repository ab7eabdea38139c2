package dev.cognitoemulator.domain;

import java.util.Iterator;
import java.util.List;

/**
 * One pool as the domain rules read it: its settings, users, app clients, groups, refresh grants, challenge
 * sessions, devices, passkeys, identity providers (and identities linked to users), signing key and SAML
 * certificate. The store implements it with index look-ups. The {@code require…} methods
 * find or answer Cognito's "does not exist" errors ({@link NotFound}).
 */
public interface PoolView {

    /** A pool's settings and one of its users, as read together. */
    record Snapshot(UserPool pool, User user) {
    }

    UserPool pool();

    /** By the pool-normalised username key ({@link UserLookup#usernameKey}). */
    User byUsernameKey(String key);

    User bySub(String sub);

    /** By an alias key ({@link UserLookup#aliasKey}). */
    User byAlias(String aliasKey);

    /** Every user whose attribute has exactly this value (indexed for email and phone_number only). */
    List<User> byAttributeValue(String attribute, String value);

    /** Users in username-key order, starting after {@code afterKey} (from the first when null). */
    Iterator<User> usersAfter(String afterKey);

    /** Members of the group in username-key order, after {@code afterKey} (from the first when null). */
    Iterator<User> membersAfter(String groupName, String afterKey);

    int size();

    AppClient client(String clientId);

    /** App clients in id order, after {@code afterId} (from the first when null). */
    Iterator<AppClient> clientsAfter(String afterId);

    Group group(String groupName);

    /** Groups in name order, after {@code afterName} (from the first when null). */
    Iterator<Group> groupsAfter(String afterName);

    RefreshGrant grant(String refreshToken);

    RefreshGrant grantByOrigin(String originJti);

    /** The user's refresh grants (revoked ones too), in no order. */
    List<RefreshGrant> grantsOf(String sub);

    AuthSession session(String id);

    /** Null until the pool's first token or JWKS request. */
    SigningKey signingKey();

    /** The code waiting for the user's answer for that purpose ({@link VerificationCode}), or null. */
    VerificationCode code(String sub, String purpose);

    /** The user's failed password sign-ins ({@link Lockout#none} when there are none). */
    Lockout lockout(String sub);

    /** A confirmed device, by its key; null when there is none. */
    Device device(String key);

    /** The user's devices in key order, after {@code afterKey} (from the first when null). */
    Iterator<Device> devicesAfter(String sub, String afterKey);

    /** A passkey, by its credential id; null when there is none. */
    WebAuthnCredential webAuthnCredential(String credentialId);

    /** The user's passkeys in credential-id order, after {@code afterId} (from the first when null). */
    Iterator<WebAuthnCredential> webAuthnCredentialsAfter(String sub, String afterId);

    int webAuthnCredentialCount(String sub);

    /** The passkey registration the user has under way, or null. */
    WebAuthnRegistration webAuthnRegistration(String sub);

    /** The classic UI customization of a client, or the pool's ({@link UICustomization#ALL}); null when none. */
    UICustomization uiCustomization(String clientId);

    /** A managed login style, by its id; null when there is none. */
    ManagedLoginBranding managedLoginBranding(String id);

    /** The client's managed login style, or null. */
    ManagedLoginBranding managedLoginBrandingOfClient(String clientId);

    /** A terms document, by its id; null when there is none. */
    Terms terms(String id);

    /** The pool's terms documents in id order, after {@code afterId} (from the first when null). */
    Iterator<Terms> termsAfter(String afterId);

    /** An identity provider, by its exact name; null when there is none. */
    IdentityProvider identityProvider(String name);

    /** The identity provider that has this IdP identifier; null when none has. */
    IdentityProvider identityProviderByIdentifier(String identifier);

    /** Identity providers in name order, after {@code afterName} (from the first when null). */
    Iterator<IdentityProvider> identityProvidersAfter(String afterName);

    /** The link of that provider's identity (by the linked attribute's value) to a user; null when none. */
    ProviderLink providerLink(String providerName, String attributeValue);

    /** The provider identities linked to the user, in the order they were linked. */
    List<ProviderLink> providerLinks(String sub);

    /** Null until the pool's first GetSigningCertificate. */
    SamlCertificate samlCertificate();

    /** The pool's domain of that name, or null. */
    UserPoolDomain domain(String domain);

    /** The pool's domains (at most a prefix one and a custom one), in name order. */
    List<UserPoolDomain> domains();

    /** The pool's resource server of that identifier, or null. */
    ResourceServer resourceServer(String identifier);

    /** Resource servers in identifier order, after {@code afterIdentifier} (from the first when null). */
    Iterator<ResourceServer> resourceServersAfter(String afterIdentifier);

    int resourceServerCount();

    int clientCount();

    /** The pool's secondary replica in that region, or null. */
    Replica replica(String region);

    /** The pool's secondary replicas, in region order. */
    List<Replica> replicas();

    int groupCount();

    int identityProviderCount();

    /** The client's risk configuration, or the pool's when {@code clientId} is null; null when none is set. */
    RiskConfiguration riskConfiguration(String clientId);

    /** The user's auth event of that id, or null. */
    AuthEvent authEvent(String sub, String eventId);

    /** The user's auth events newest first, after the event {@code afterId} (from the newest when null). */
    Iterator<AuthEvent> authEventsAfter(String sub, String afterId);

    /** The risk configuration a sign-in through the client uses: the client's own, else the pool's (or null). */
    default RiskConfiguration effectiveRiskConfiguration(String clientId) {
        RiskConfiguration own = clientId == null ? null : riskConfiguration(clientId);
        return own != null ? own : riskConfiguration(null);
    }
    /** The pool's log deliveries (SetLogDeliveryConfiguration); empty when none is set. */
    List<LogDestination> logDelivery();

    /** A user import job, by its id; null when there is none. */
    UserImportJob importJob(String jobId);

    /** User import jobs in id order, after {@code afterId} (from the first when null). */
    Iterator<UserImportJob> importJobsAfter(String afterId);

    /** The user a request's {@code Username} names: by username, alias or sub ({@link UserLookup}). */
    default User requireUser(String username) {
        User user = UserLookup.findOrNull(this, username);
        if (user == null) {
            throw NotFound.user();
        }
        return user;
    }

    default AppClient requireClient(String clientId) {
        AppClient client = client(clientId);
        if (client == null) {
            throw NotFound.client(clientId);
        }
        return client;
    }

    /** Group names are matched exactly (case-sensitively). */
    default Group requireGroup(String groupName) {
        Group group = group(groupName);
        if (group == null) {
            throw NotFound.group();
        }
        return group;
    }

    /** Provider names are matched exactly (case-sensitively). */
    default IdentityProvider requireIdentityProvider(String name) {
        IdentityProvider provider = identityProvider(name);
        if (provider == null) {
            throw NotFound.identityProvider(name);
        }
        return provider;
    }
}
