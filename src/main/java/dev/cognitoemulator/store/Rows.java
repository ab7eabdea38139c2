package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.LogDestination;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one mapping of mutations to the data directory's rows: each mutation becomes the upserts and deletes that
 * leave the tables as {@link PoolState#apply} leaves the pool, cascades included. Visits a mutation before it is
 * applied, so the pool as it is then says what a cascade reaches (a group's members, a user's grants).
 */
final class Rows implements Mutation.Visitor {

    private final PoolState state;
    private final List<Change> changes;

    Rows(PoolState state, List<Change> changes) {
        this.state = state;
        this.changes = changes;
    }

    private void put(RowKind kind, String key, String owner, Object value) {
        changes.add(new Change.Put(state.pool().id(), kind, key, owner, value));
    }

    private void delete(RowKind kind, String key) {
        changes.add(new Change.Delete(state.pool().id(), kind, key));
    }

    private void deleteOwned(String owner) {
        changes.add(new Change.DeleteOwned(state.pool().id(), owner));
    }

    private String usernameKey(User user) {
        return UserLookup.usernameKey(state.pool(), user.username());
    }

    @Override
    public void visit(Mutation.PutUser m) {
        put(RowKind.USER, usernameKey(m.user()), null, m.user());
    }

    @Override
    public void visit(Mutation.RemoveUser m) {
        String key = usernameKey(m.user());
        User removed = state.byUsernameKey(key);
        if (removed != null) {
            delete(RowKind.USER, key);
            deleteOwned(removed.sub());
        }
    }

    @Override
    public void visit(Mutation.ReplacePool m) {
        changes.add(new Change.PutPool(m.pool()));
    }

    @Override
    public void visit(Mutation.PutClient m) {
        put(RowKind.CLIENT, m.client().clientId(), null, m.client());
    }

    @Override
    public void visit(Mutation.RemoveClient m) {
        delete(RowKind.CLIENT, m.clientId());
        deleteOwned(m.clientId());
    }

    @Override
    public void visit(Mutation.PutGroup m) {
        put(RowKind.GROUP, m.group().groupName(), null, m.group());
    }

    @Override
    public void visit(Mutation.RemoveGroup m) {
        delete(RowKind.GROUP, m.groupName());
        for (Iterator<User> members = state.membersAfter(m.groupName(), null); members.hasNext(); ) {
            User member = members.next();
            List<String> kept = new ArrayList<>(member.groups());
            kept.remove(m.groupName());
            put(RowKind.USER, usernameKey(member), null, member.withGroups(kept));
        }
    }

    @Override
    public void visit(Mutation.PutGrant m) {
        put(RowKind.GRANT, m.grant().token(), m.grant().sub(), m.grant());
    }

    @Override
    public void visit(Mutation.RevokeGrants m) {
        for (RefreshGrant grant : state.grantsOf(m.sub())) {
            put(RowKind.GRANT, grant.token(), grant.sub(), grant.revoke());
        }
    }

    @Override
    public void visit(Mutation.PutSession m) {
        String evicted = state.sessionEvictedBy(m.session().id());
        if (evicted != null) {
            delete(RowKind.SESSION, evicted);
        }
        put(RowKind.SESSION, m.session().id(), m.session().sub(), m.session());
    }

    @Override
    public void visit(Mutation.RemoveSession m) {
        delete(RowKind.SESSION, m.id());
    }

    @Override
    public void visit(Mutation.PutSigningKey m) {
        put(RowKind.SIGNING_KEY, "", null, m.key());
    }

    @Override
    public void visit(Mutation.PutCode m) {
        put(RowKind.CODE, CodeTable.key(m.code().sub(), m.code().purpose()), m.code().sub(), m.code());
    }

    @Override
    public void visit(Mutation.RemoveCode m) {
        delete(RowKind.CODE, CodeTable.key(m.sub(), m.purpose()));
    }

    @Override
    public void visit(Mutation.PutLockout m) {
        put(RowKind.LOCKOUT, m.lockout().sub(), m.lockout().sub(), m.lockout());
    }

    @Override
    public void visit(Mutation.RemoveLockout m) {
        delete(RowKind.LOCKOUT, m.sub());
    }

    @Override
    public void visit(Mutation.PutDevice m) {
        put(RowKind.DEVICE, m.device().key(), m.device().sub(), m.device());
    }

    @Override
    public void visit(Mutation.RemoveDevice m) {
        delete(RowKind.DEVICE, m.key());
    }

    @Override
    public void visit(Mutation.PutWebAuthnCredential m) {
        put(RowKind.PASSKEY, m.credential().credentialId(), m.credential().sub(), m.credential());
    }

    @Override
    public void visit(Mutation.RemoveWebAuthnCredential m) {
        delete(RowKind.PASSKEY, m.credentialId());
    }

    @Override
    public void visit(Mutation.PutWebAuthnRegistration m) {
        put(RowKind.PASSKEY_REGISTRATION, m.registration().sub(), m.registration().sub(), m.registration());
    }

    @Override
    public void visit(Mutation.RemoveWebAuthnRegistration m) {
        delete(RowKind.PASSKEY_REGISTRATION, m.sub());
    }

    @Override
    public void visit(Mutation.PutUICustomization m) {
        put(RowKind.UI_CUSTOMIZATION, m.customization().clientId(), m.customization().clientId(),
                m.customization());
    }

    @Override
    public void visit(Mutation.PutManagedLoginBranding m) {
        put(RowKind.MANAGED_LOGIN_BRANDING, m.branding().id(), m.branding().clientId(), m.branding());
    }

    @Override
    public void visit(Mutation.RemoveManagedLoginBranding m) {
        delete(RowKind.MANAGED_LOGIN_BRANDING, m.id());
    }

    @Override
    public void visit(Mutation.PutTerms m) {
        put(RowKind.TERMS, m.terms().id(), m.terms().clientId(), m.terms());
    }

    @Override
    public void visit(Mutation.RemoveTerms m) {
        delete(RowKind.TERMS, m.id());
    }

    @Override
    public void visit(Mutation.PutIdentityProvider m) {
        put(RowKind.IDENTITY_PROVIDER, m.provider().name(), null, m.provider());
    }

    @Override
    public void visit(Mutation.RemoveIdentityProvider m) {
        delete(RowKind.IDENTITY_PROVIDER, m.providerName());
    }

    @Override
    public void visit(Mutation.PutProviderLink m) {
        put(RowKind.PROVIDER_LINK, ProviderTable.linkKey(m.link().providerName(), m.link().attributeValue()),
                m.link().sub(), m.link());
    }

    @Override
    public void visit(Mutation.RemoveProviderLink m) {
        delete(RowKind.PROVIDER_LINK, ProviderTable.linkKey(m.providerName(), m.attributeValue()));
    }

    @Override
    public void visit(Mutation.PutSamlCertificate m) {
        put(RowKind.SAML_CERTIFICATE, "", null, m.certificate());
    }

    @Override
    public void visit(Mutation.PutDomain m) {
        put(RowKind.DOMAIN, m.domain().domain(), null, m.domain());
    }

    @Override
    public void visit(Mutation.RemoveDomain m) {
        delete(RowKind.DOMAIN, m.domain());
    }

    @Override
    public void visit(Mutation.PutResourceServer m) {
        put(RowKind.RESOURCE_SERVER, m.server().identifier(), null, m.server());
    }

    @Override
    public void visit(Mutation.RemoveResourceServer m) {
        delete(RowKind.RESOURCE_SERVER, m.identifier());
    }

    @Override
    public void visit(Mutation.PutRiskConfiguration m) {
        String clientId = m.configuration().clientId();
        put(RowKind.RISK_CONFIGURATION, clientId == null ? "" : clientId, clientId, m.configuration());
    }

    @Override
    public void visit(Mutation.RemoveRiskConfiguration m) {
        delete(RowKind.RISK_CONFIGURATION, m.clientId() == null ? "" : m.clientId());
    }

    @Override
    public void visit(Mutation.PutAuthEvent m) {
        String evicted = state.authEventEvictedBy(m.event());
        if (evicted != null) {
            delete(RowKind.AUTH_EVENT, evicted);
        }
        put(RowKind.AUTH_EVENT, m.event().eventId(), m.event().sub(), m.event());
    }

    @Override
    public void visit(Mutation.PutReplica m) {
        put(RowKind.REPLICA, m.replica().region(), null, m.replica());
    }

    @Override
    public void visit(Mutation.RemoveReplica m) {
        delete(RowKind.REPLICA, m.region());
    }

    @Override
    public void visit(Mutation.PutLogDelivery m) {
        put(RowKind.LOG_DELIVERY, "", null, m.destinations().toArray(LogDestination[]::new));
    }

    @Override
    public void visit(Mutation.PutUserImportJob m) {
        put(RowKind.IMPORT_JOB, m.job().jobId(), null, m.job());
    }
}
