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

    /** Calls the visitor's method for this kind of mutation. */
    void accept(Visitor visitor);

    /**
     * One method per kind of mutation: a new kind does not compile until every visitor (the data directory's
     * {@link Rows} among them) handles it.
     */
    interface Visitor {
        void visit(PutUser m);

        void visit(RemoveUser m);

        void visit(ReplacePool m);

        void visit(PutClient m);

        void visit(RemoveClient m);

        void visit(PutGroup m);

        void visit(RemoveGroup m);

        void visit(PutGrant m);

        void visit(RevokeGrants m);

        void visit(PutSession m);

        void visit(RemoveSession m);

        void visit(PutSigningKey m);

        void visit(PutCode m);

        void visit(RemoveCode m);

        void visit(PutLockout m);

        void visit(RemoveLockout m);

        void visit(PutDevice m);

        void visit(RemoveDevice m);

        void visit(PutWebAuthnCredential m);

        void visit(RemoveWebAuthnCredential m);

        void visit(PutWebAuthnRegistration m);

        void visit(RemoveWebAuthnRegistration m);

        void visit(PutUICustomization m);

        void visit(PutManagedLoginBranding m);

        void visit(RemoveManagedLoginBranding m);

        void visit(PutTerms m);

        void visit(RemoveTerms m);

        void visit(PutIdentityProvider m);

        void visit(RemoveIdentityProvider m);

        void visit(PutProviderLink m);

        void visit(RemoveProviderLink m);

        void visit(PutSamlCertificate m);

        void visit(PutDomain m);

        void visit(RemoveDomain m);

        void visit(PutResourceServer m);

        void visit(RemoveResourceServer m);

        void visit(PutRiskConfiguration m);

        void visit(RemoveRiskConfiguration m);

        void visit(PutAuthEvent m);

        void visit(PutReplica m);

        void visit(RemoveReplica m);

        void visit(PutLogDelivery m);

        void visit(PutUserImportJob m);
    }

    record PutUser(User user) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** The user, with its refresh grants, sessions, devices and passkeys. */
    record RemoveUser(User user) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record ReplacePool(UserPool pool) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutClient(AppClient client) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** The client, with its UI customization, managed login style and terms documents. */
    record RemoveClient(String clientId) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutGroup(Group group) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** The group and every membership in it. */
    record RemoveGroup(String groupName) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutGrant(RefreshGrant grant) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Every refresh grant of the user. */
    record RevokeGrants(String sub) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutSession(AuthSession session) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveSession(String id) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutSigningKey(SigningKey key) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutCode(VerificationCode code) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveCode(String sub, String purpose) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutLockout(Lockout lockout) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveLockout(String sub) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the device, or replaces the device of the same key. */
    record PutDevice(Device device) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveDevice(String key) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the passkey, or replaces the passkey of the same credential id. */
    record PutWebAuthnCredential(WebAuthnCredential credential) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveWebAuthnCredential(String credentialId) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** The user's registration under way, replacing any earlier one. */
    record PutWebAuthnRegistration(WebAuthnRegistration registration) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveWebAuthnRegistration(String sub) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Replaces the client's (or the pool's) classic UI customization. */
    record PutUICustomization(UICustomization customization) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the managed login style, or replaces the style of the same id. */
    record PutManagedLoginBranding(ManagedLoginBranding branding) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveManagedLoginBranding(String id) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the terms document, or replaces the document of the same id. */
    record PutTerms(Terms terms) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveTerms(String id) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the identity provider, or replaces the provider of the same name. */
    record PutIdentityProvider(IdentityProvider provider) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveIdentityProvider(String providerName) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the link, or replaces the link of the same provider and value. */
    record PutProviderLink(ProviderLink link) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveProviderLink(String providerName, String attributeValue) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record PutSamlCertificate(SamlCertificate certificate) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the domain, or replaces the pool's domain of the same name. */
    record PutDomain(UserPoolDomain domain) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveDomain(String domain) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the resource server, or replaces the one of the same identifier. */
    record PutResourceServer(ResourceServer server) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveResourceServer(String identifier) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Replaces the pool's (client id null) or the client's risk configuration. */
    record PutRiskConfiguration(RiskConfiguration configuration) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** The pool's risk configuration (client id null) back to the defaults, or the client's to the pool's. */
    record RemoveRiskConfiguration(String clientId) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the event as the user's newest (the oldest beyond the bound goes), or replaces the one of its id. */
    record PutAuthEvent(AuthEvent event) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the pool's replica, or replaces its replica in the same region. */
    record PutReplica(Replica replica) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    record RemoveReplica(String region) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Replaces the pool's log deliveries (SetLogDeliveryConfiguration) with these. */
    record PutLogDelivery(List<LogDestination> destinations) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }

    /** Inserts the user import job, or replaces the job of the same id. */
    record PutUserImportJob(UserImportJob job) implements Mutation {
        @Override
        public void accept(Visitor visitor) {
            visitor.visit(this);
        }
    }
}
