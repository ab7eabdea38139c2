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
import dev.cognitoemulator.domain.PoolView;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One pool and everything in it, table by table: its settings and signing key, users (with their indexes), app
 * clients, groups, refresh grants, challenge sessions, devices, passkeys, codes waiting to be typed back, failed
 * sign-ins, the look of its sign-in pages and its terms documents, identity providers (with the identities linked
 * to users), its SAML certificate, domains, resource servers, log deliveries, user import jobs, its threat
 * protection (risk configurations, users' auth events) and its replicas in other regions.
 * Guarded by its own read-write lock, held by the store; changed only by {@link #apply(Mutation)}.
 */
final class PoolState implements PoolView {

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile UserPool pool;
    private volatile SigningKey signingKey;
    private volatile SamlCertificate samlCertificate;
    private final UserTable users = new UserTable(this::pool);
    private final TreeMap<String, AppClient> clients = new TreeMap<>();
    private final TreeMap<String, Group> groups = new TreeMap<>();
    private final GrantTable grants = new GrantTable();
    private final SessionTable sessions = new SessionTable();
    private final CodeTable codes = new CodeTable();
    private final LockoutTable lockouts = new LockoutTable();
    private final DeviceTable devices = new DeviceTable();
    private final PasskeyTable passkeys = new PasskeyTable();
    private final LookTable looks = new LookTable();
    private final ProviderTable providers = new ProviderTable();
    private final TreeMap<String, UserPoolDomain> domains = new TreeMap<>();
    private final TreeMap<String, ResourceServer> resourceServers = new TreeMap<>();
    private final ThreatTable threats = new ThreatTable();
    private final TreeMap<String, Replica> replicas = new TreeMap<>();
    private volatile List<LogDestination> logDelivery = List.of();
    private final TreeMap<String, UserImportJob> importJobs = new TreeMap<>();
    /** The store's index of every pool's client ids (InitiateAuth names a client, not a pool), kept in step. */
    private final Map<String, String> clientPools;
    /** The store's index of every pool's domain names (claimed before the write that puts them), kept in step. */
    private final Map<String, String> domainPools;

    PoolState(UserPool pool, Map<String, String> clientPools, Map<String, String> domainPools) {
        this.pool = pool;
        this.clientPools = clientPools;
        this.domainPools = domainPools;
    }

    void apply(Mutation mutation) {
        if (mutation instanceof Mutation.PutUser m) {
            users.put(m.user());
        } else if (mutation instanceof Mutation.RemoveUser m) {
            User removed = users.remove(m.user());
            if (removed != null) {
                grants.removeAll(removed.sub());
                sessions.removeAll(removed.sub());
                codes.removeAll(removed.sub());
                lockouts.remove(removed.sub());
                devices.removeAll(removed.sub());
                passkeys.removeAll(removed.sub());
                providers.removeLinks(removed.sub());
                threats.removeUser(removed.sub());
            }
        } else if (mutation instanceof Mutation.ReplacePool m) {
            pool = m.pool();
        } else if (mutation instanceof Mutation.PutClient m) {
            clients.put(m.client().clientId(), m.client());
            clientPools.put(m.client().clientId(), pool.id());
        } else if (mutation instanceof Mutation.RemoveClient m) {
            clients.remove(m.clientId());
            clientPools.remove(m.clientId());
            looks.removeClient(m.clientId());
            threats.remove(m.clientId());
        } else if (mutation instanceof Mutation.PutGroup m) {
            groups.put(m.group().groupName(), m.group());
        } else if (mutation instanceof Mutation.RemoveGroup m) {
            groups.remove(m.groupName());
            users.removeGroup(m.groupName());
        } else if (mutation instanceof Mutation.PutGrant m) {
            grants.put(m.grant());
        } else if (mutation instanceof Mutation.RevokeGrants m) {
            grants.revoke(m.sub());
        } else if (mutation instanceof Mutation.PutSession m) {
            sessions.put(m.session());
        } else if (mutation instanceof Mutation.RemoveSession m) {
            sessions.remove(m.id());
        } else if (mutation instanceof Mutation.PutSigningKey m) {
            signingKey = m.key();
        } else if (mutation instanceof Mutation.PutCode m) {
            codes.put(m.code());
        } else if (mutation instanceof Mutation.RemoveCode m) {
            codes.remove(m.sub(), m.purpose());
        } else if (mutation instanceof Mutation.PutLockout m) {
            lockouts.put(m.lockout());
        } else if (mutation instanceof Mutation.RemoveLockout m) {
            lockouts.remove(m.sub());
        } else if (mutation instanceof Mutation.PutDevice m) {
            devices.put(m.device());
        } else if (mutation instanceof Mutation.RemoveDevice m) {
            devices.remove(m.key());
        } else if (mutation instanceof Mutation.PutWebAuthnCredential m) {
            passkeys.put(m.credential());
        } else if (mutation instanceof Mutation.RemoveWebAuthnCredential m) {
            passkeys.remove(m.credentialId());
        } else if (mutation instanceof Mutation.PutWebAuthnRegistration m) {
            passkeys.putRegistration(m.registration());
        } else if (mutation instanceof Mutation.RemoveWebAuthnRegistration m) {
            passkeys.removeRegistration(m.sub());
        } else if (mutation instanceof Mutation.PutUICustomization m) {
            looks.put(m.customization());
        } else if (mutation instanceof Mutation.PutManagedLoginBranding m) {
            looks.put(m.branding());
        } else if (mutation instanceof Mutation.RemoveManagedLoginBranding m) {
            looks.removeBranding(m.id());
        } else if (mutation instanceof Mutation.PutTerms m) {
            looks.put(m.terms());
        } else if (mutation instanceof Mutation.RemoveTerms m) {
            looks.removeTerms(m.id());
        } else if (mutation instanceof Mutation.PutIdentityProvider m) {
            providers.put(m.provider());
        } else if (mutation instanceof Mutation.RemoveIdentityProvider m) {
            providers.remove(m.providerName());
        } else if (mutation instanceof Mutation.PutProviderLink m) {
            providers.putLink(m.link());
        } else if (mutation instanceof Mutation.RemoveProviderLink m) {
            providers.removeLink(m.providerName(), m.attributeValue());
        } else if (mutation instanceof Mutation.PutSamlCertificate m) {
            samlCertificate = m.certificate();
        } else if (mutation instanceof Mutation.PutDomain m) {
            domains.put(m.domain().domain(), m.domain());
            domainPools.put(m.domain().domain(), pool.id());
        } else if (mutation instanceof Mutation.RemoveDomain m) {
            domains.remove(m.domain());
            domainPools.remove(m.domain(), pool.id());
        } else if (mutation instanceof Mutation.PutResourceServer m) {
            resourceServers.put(m.server().identifier(), m.server());
        } else if (mutation instanceof Mutation.RemoveResourceServer m) {
            resourceServers.remove(m.identifier());
        } else if (mutation instanceof Mutation.PutRiskConfiguration m) {
            threats.put(m.configuration());
        } else if (mutation instanceof Mutation.RemoveRiskConfiguration m) {
            threats.remove(m.clientId());
        } else if (mutation instanceof Mutation.PutAuthEvent m) {
            threats.put(m.event());
        } else if (mutation instanceof Mutation.PutReplica m) {
            replicas.put(m.replica().region(), m.replica());
        } else if (mutation instanceof Mutation.RemoveReplica m) {
            replicas.remove(m.region());
        } else if (mutation instanceof Mutation.PutLogDelivery m) {
            logDelivery = List.copyOf(m.destinations());
        } else if (mutation instanceof Mutation.PutUserImportJob m) {
            importJobs.put(m.job().jobId(), m.job());
        } else {
            throw new IllegalArgumentException("unknown mutation " + mutation);
        }
    }

    /** The session a put of a new session of that id pushes out, or null (for the data directory's rows). */
    String sessionEvictedBy(String id) {
        return sessions.evictedBy(id);
    }

    /** The id of the user's auth event that putting {@code event} drops (the oldest beyond the bound), or null. */
    String authEventEvictedBy(AuthEvent event) {
        return threats.evictedBy(event);
    }

    /** When the pool goes: its clients and domains leave the store's indexes. */
    void forgetIndexed() {
        clients.keySet().forEach(clientPools::remove);
        domains.keySet().forEach(d -> domainPools.remove(d, pool.id()));
    }

    @Override
    public UserPool pool() {
        return pool;
    }

    @Override
    public User byUsernameKey(String key) {
        return users.byKey(key);
    }

    @Override
    public User bySub(String sub) {
        return users.bySub(sub);
    }

    @Override
    public User byAlias(String aliasKey) {
        return users.byAlias(aliasKey);
    }

    @Override
    public List<User> byAttributeValue(String attribute, String value) {
        return users.byValue(attribute, value);
    }

    @Override
    public Iterator<User> usersAfter(String afterKey) {
        return users.after(afterKey);
    }

    @Override
    public Iterator<User> membersAfter(String groupName, String afterKey) {
        return users.membersAfter(groupName, afterKey);
    }

    @Override
    public int size() {
        return users.size();
    }

    @Override
    public AppClient client(String clientId) {
        return clients.get(clientId);
    }

    @Override
    public Iterator<AppClient> clientsAfter(String afterId) {
        return (afterId == null ? clients : clients.tailMap(afterId, false)).values().iterator();
    }

    @Override
    public Group group(String groupName) {
        return groups.get(groupName);
    }

    @Override
    public Iterator<Group> groupsAfter(String afterName) {
        return (afterName == null ? groups : groups.tailMap(afterName, false)).values().iterator();
    }

    @Override
    public RefreshGrant grant(String refreshToken) {
        return grants.get(refreshToken);
    }

    @Override
    public List<RefreshGrant> grantsOf(String sub) {
        return grants.of(sub);
    }

    @Override
    public RefreshGrant grantByOrigin(String originJti) {
        return grants.byOrigin(originJti);
    }

    @Override
    public AuthSession session(String id) {
        return sessions.get(id);
    }

    @Override
    public SigningKey signingKey() {
        return signingKey;
    }

    @Override
    public VerificationCode code(String sub, String purpose) {
        return codes.get(sub, purpose);
    }

    @Override
    public Lockout lockout(String sub) {
        Lockout lockout = lockouts.get(sub);
        return lockout == null ? Lockout.none(sub) : lockout;
    }

    @Override
    public Device device(String key) {
        return devices.get(key);
    }

    @Override
    public Iterator<Device> devicesAfter(String sub, String afterKey) {
        return devices.ofUser(sub, afterKey);
    }

    @Override
    public WebAuthnCredential webAuthnCredential(String credentialId) {
        return passkeys.get(credentialId);
    }

    @Override
    public Iterator<WebAuthnCredential> webAuthnCredentialsAfter(String sub, String afterId) {
        return passkeys.ofUser(sub, afterId);
    }

    @Override
    public int webAuthnCredentialCount(String sub) {
        return passkeys.count(sub);
    }

    @Override
    public WebAuthnRegistration webAuthnRegistration(String sub) {
        return passkeys.registration(sub);
    }

    @Override
    public UICustomization uiCustomization(String clientId) {
        return looks.customization(clientId);
    }

    @Override
    public ManagedLoginBranding managedLoginBranding(String id) {
        return looks.branding(id);
    }

    @Override
    public ManagedLoginBranding managedLoginBrandingOfClient(String clientId) {
        return looks.brandingOfClient(clientId);
    }

    @Override
    public Terms terms(String id) {
        return looks.terms(id);
    }

    @Override
    public Iterator<Terms> termsAfter(String afterId) {
        return looks.termsAfter(afterId);
    }

    @Override
    public IdentityProvider identityProvider(String name) {
        return providers.get(name);
    }

    @Override
    public IdentityProvider identityProviderByIdentifier(String identifier) {
        return providers.byIdentifier(identifier);
    }

    @Override
    public Iterator<IdentityProvider> identityProvidersAfter(String afterName) {
        return providers.after(afterName);
    }

    @Override
    public ProviderLink providerLink(String providerName, String attributeValue) {
        return providers.link(providerName, attributeValue);
    }

    @Override
    public List<ProviderLink> providerLinks(String sub) {
        return providers.linksOf(sub);
    }

    @Override
    public SamlCertificate samlCertificate() {
        return samlCertificate;
    }

    @Override
    public UserPoolDomain domain(String domain) {
        return domains.get(domain);
    }

    @Override
    public List<UserPoolDomain> domains() {
        return List.copyOf(domains.values());
    }

    @Override
    public ResourceServer resourceServer(String identifier) {
        return resourceServers.get(identifier);
    }

    @Override
    public Iterator<ResourceServer> resourceServersAfter(String afterIdentifier) {
        return (afterIdentifier == null ? resourceServers : resourceServers.tailMap(afterIdentifier, false)).values()
                .iterator();
    }

    @Override
    public int resourceServerCount() {
        return resourceServers.size();
    }

    @Override
    public RiskConfiguration riskConfiguration(String clientId) {
        return threats.configuration(clientId);
    }

    @Override
    public AuthEvent authEvent(String sub, String eventId) {
        return threats.event(sub, eventId);
    }

    @Override
    public Iterator<AuthEvent> authEventsAfter(String sub, String afterId) {
        return threats.after(sub, afterId);
    }

    @Override
    public int clientCount() {
        return clients.size();
    }

    @Override
    public int groupCount() {
        return groups.size();
    }

    @Override
    public int identityProviderCount() {
        return providers.count();
    }

    @Override
    public Replica replica(String region) {
        return replicas.get(region);
    }

    @Override
    public List<Replica> replicas() {
        return List.copyOf(replicas.values());
    }

    @Override
    public List<LogDestination> logDelivery() {
        return logDelivery;
    }

    @Override
    public UserImportJob importJob(String jobId) {
        return importJobs.get(jobId);
    }

    @Override
    public Iterator<UserImportJob> importJobsAfter(String afterId) {
        return (afterId == null ? importJobs : importJobs.tailMap(afterId, false)).values().iterator();
    }
}
