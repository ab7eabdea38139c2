package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.Lockout;
import dev.cognitoemulator.domain.LogDestination;
import dev.cognitoemulator.domain.ManagedLoginBranding;

import dev.cognitoemulator.domain.ProviderLink;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.Replica;
import dev.cognitoemulator.domain.RiskConfiguration;
import dev.cognitoemulator.domain.SamlCertificate;
import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.domain.UICustomization;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.domain.WebAuthnRegistration;
import java.util.List;

/**
 * One change to a pool, as a write records it. A write's mutations are applied together when it commits (the seam
 * a journal wraps: what it persists is this list, in this order).
 */
public sealed interface Mutation {

    record PutUser(User user) implements Mutation {
    }

    /** The user, with its refresh grants, sessions, devices and passkeys. */
    record RemoveUser(User user) implements Mutation {
    }

    record ReplacePool(UserPool pool) implements Mutation {
    }

    record PutClient(AppClient client) implements Mutation {
    }

    /** The client, with its UI customization, managed login style and terms documents. */
    record RemoveClient(String clientId) implements Mutation {
    }

    record PutGroup(Group group) implements Mutation {
    }

    /** The group and every membership in it. */
    record RemoveGroup(String groupName) implements Mutation {
    }

    record PutGrant(RefreshGrant grant) implements Mutation {
    }

    /** Every refresh grant of the user. */
    record RevokeGrants(String sub) implements Mutation {
    }

    record PutSession(AuthSession session) implements Mutation {
    }

    record RemoveSession(String id) implements Mutation {
    }

    record PutSigningKey(SigningKey key) implements Mutation {
    }

    record PutCode(VerificationCode code) implements Mutation {
    }

    record RemoveCode(String sub, String purpose) implements Mutation {
    }

    record PutLockout(Lockout lockout) implements Mutation {
    }

    record RemoveLockout(String sub) implements Mutation {
    }

    /** Inserts the device, or replaces the device of the same key. */
    record PutDevice(Device device) implements Mutation {
    }

    record RemoveDevice(String key) implements Mutation {
    }

    /** Inserts the passkey, or replaces the passkey of the same credential id. */
    record PutWebAuthnCredential(WebAuthnCredential credential) implements Mutation {
    }

    record RemoveWebAuthnCredential(String credentialId) implements Mutation {
    }

    /** The user's registration under way, replacing any earlier one. */
    record PutWebAuthnRegistration(WebAuthnRegistration registration) implements Mutation {
    }

    record RemoveWebAuthnRegistration(String sub) implements Mutation {
    }

    /** Replaces the client's (or the pool's) classic UI customization. */
    record PutUICustomization(UICustomization customization) implements Mutation {
    }

    /** Inserts the managed login style, or replaces the style of the same id. */
    record PutManagedLoginBranding(ManagedLoginBranding branding) implements Mutation {
    }

    record RemoveManagedLoginBranding(String id) implements Mutation {
    }

    /** Inserts the terms document, or replaces the document of the same id. */
    record PutTerms(Terms terms) implements Mutation {
    }

    record RemoveTerms(String id) implements Mutation {
    }

    /** Inserts the identity provider, or replaces the provider of the same name. */
    record PutIdentityProvider(IdentityProvider provider) implements Mutation {
    }

    record RemoveIdentityProvider(String providerName) implements Mutation {
    }

    /** Inserts the link, or replaces the link of the same provider and value. */
    record PutProviderLink(ProviderLink link) implements Mutation {
    }

    record RemoveProviderLink(String providerName, String attributeValue) implements Mutation {
    }

    record PutSamlCertificate(SamlCertificate certificate) implements Mutation {
    }

    /** Inserts the domain, or replaces the pool's domain of the same name. */
    record PutDomain(UserPoolDomain domain) implements Mutation {
    }

    record RemoveDomain(String domain) implements Mutation {
    }

    /** Inserts the resource server, or replaces the one of the same identifier. */
    record PutResourceServer(ResourceServer server) implements Mutation {
    }

    record RemoveResourceServer(String identifier) implements Mutation {
    }

    /** Replaces the pool's (client id null) or the client's risk configuration. */
    record PutRiskConfiguration(RiskConfiguration configuration) implements Mutation {
    }

    /** The pool's risk configuration (client id null) back to the defaults, or the client's to the pool's. */
    record RemoveRiskConfiguration(String clientId) implements Mutation {
    }

    /** Inserts the event as the user's newest (the oldest beyond the bound goes), or replaces the one of its id. */
    record PutAuthEvent(AuthEvent event) implements Mutation {
    }

    /** Inserts the pool's replica, or replaces its replica in the same region. */
    record PutReplica(Replica replica) implements Mutation {
    }

    record RemoveReplica(String region) implements Mutation {
    }

    /** Replaces the pool's log deliveries (SetLogDeliveryConfiguration) with these. */
    record PutLogDelivery(List<LogDestination> destinations) implements Mutation {
    }

    /** Inserts the user import job, or replaces the job of the same id. */
    record PutUserImportJob(UserImportJob job) implements Mutation {
    }
}
