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
import dev.cognitoemulator.domain.PoolWrite;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A write in progress: reads go to the pool as it was, changes are recorded as {@link Mutation}s and applied only
 * when the writer returns. A read after a change would not see it, so (with assertions on, as in the tests) it is
 * refused: writers read first, then change.
 */
final class Transaction implements PoolWrite {

    private final PoolState state;
    private final List<Mutation> mutations = new ArrayList<>(2);

    Transaction(PoolState state) {
        this.state = state;
    }

    List<Mutation> mutations() {
        return mutations;
    }

    private PoolState read() {
        assert mutations.isEmpty() : "a read after a change in the same write does not see the change: "
                + mutations;
        return state;
    }

    private void record(Mutation mutation) {
        mutations.add(mutation);
    }

    @Override
    public UserPool pool() {
        return read().pool();
    }

    @Override
    public User byUsernameKey(String key) {
        return read().byUsernameKey(key);
    }

    @Override
    public User bySub(String sub) {
        return read().bySub(sub);
    }

    @Override
    public User byAlias(String aliasKey) {
        return read().byAlias(aliasKey);
    }

    @Override
    public List<User> byAttributeValue(String attribute, String value) {
        return read().byAttributeValue(attribute, value);
    }

    @Override
    public Iterator<User> usersAfter(String afterKey) {
        return read().usersAfter(afterKey);
    }

    @Override
    public Iterator<User> membersAfter(String groupName, String afterKey) {
        return read().membersAfter(groupName, afterKey);
    }

    @Override
    public int size() {
        return read().size();
    }

    @Override
    public AppClient client(String clientId) {
        return read().client(clientId);
    }

    @Override
    public Iterator<AppClient> clientsAfter(String afterId) {
        return read().clientsAfter(afterId);
    }

    @Override
    public Group group(String groupName) {
        return read().group(groupName);
    }

    @Override
    public Iterator<Group> groupsAfter(String afterName) {
        return read().groupsAfter(afterName);
    }

    @Override
    public RefreshGrant grant(String refreshToken) {
        return read().grant(refreshToken);
    }

    @Override
    public RefreshGrant grantByOrigin(String originJti) {
        return read().grantByOrigin(originJti);
    }

    @Override
    public List<RefreshGrant> grantsOf(String sub) {
        return read().grantsOf(sub);
    }

    @Override
    public AuthSession session(String id) {
        return read().session(id);
    }

    @Override
    public SigningKey signingKey() {
        return read().signingKey();
    }

    @Override
    public VerificationCode code(String sub, String purpose) {
        return read().code(sub, purpose);
    }

    @Override
    public Lockout lockout(String sub) {
        return read().lockout(sub);
    }

    @Override
    public Device device(String key) {
        return read().device(key);
    }

    @Override
    public Iterator<Device> devicesAfter(String sub, String afterKey) {
        return read().devicesAfter(sub, afterKey);
    }

    @Override
    public WebAuthnCredential webAuthnCredential(String credentialId) {
        return read().webAuthnCredential(credentialId);
    }

    @Override
    public Iterator<WebAuthnCredential> webAuthnCredentialsAfter(String sub, String afterId) {
        return read().webAuthnCredentialsAfter(sub, afterId);
    }

    @Override
    public int webAuthnCredentialCount(String sub) {
        return read().webAuthnCredentialCount(sub);
    }

    @Override
    public WebAuthnRegistration webAuthnRegistration(String sub) {
        return read().webAuthnRegistration(sub);
    }

    @Override
    public UserPoolDomain domain(String domain) {
        return read().domain(domain);
    }

    @Override
    public List<UserPoolDomain> domains() {
        return read().domains();
    }

    @Override
    public ResourceServer resourceServer(String identifier) {
        return read().resourceServer(identifier);
    }

    @Override
    public Iterator<ResourceServer> resourceServersAfter(String afterIdentifier) {
        return read().resourceServersAfter(afterIdentifier);
    }

    @Override
    public int resourceServerCount() {
        return read().resourceServerCount();
    }

    @Override
    public void put(User user) {
        record(new Mutation.PutUser(user));
    }

    @Override
    public void remove(User user) {
        record(new Mutation.RemoveUser(user));
    }

    @Override
    public void replacePool(UserPool pool) {
        record(new Mutation.ReplacePool(pool));
    }

    @Override
    public void putClient(AppClient client) {
        record(new Mutation.PutClient(client));
    }

    @Override
    public void removeClient(String clientId) {
        record(new Mutation.RemoveClient(clientId));
    }

    @Override
    public void putGroup(Group group) {
        record(new Mutation.PutGroup(group));
    }

    @Override
    public void removeGroup(String groupName) {
        record(new Mutation.RemoveGroup(groupName));
    }

    @Override
    public void putGrant(RefreshGrant grant) {
        record(new Mutation.PutGrant(grant));
    }

    @Override
    public void revokeGrants(String sub) {
        record(new Mutation.RevokeGrants(sub));
    }

    @Override
    public void putSession(AuthSession session) {
        record(new Mutation.PutSession(session));
    }

    @Override
    public void removeSession(String id) {
        record(new Mutation.RemoveSession(id));
    }

    @Override
    public void putSigningKey(SigningKey key) {
        record(new Mutation.PutSigningKey(key));
    }

    @Override
    public void putCode(VerificationCode code) {
        record(new Mutation.PutCode(code));
    }

    @Override
    public void removeCode(String sub, String purpose) {
        record(new Mutation.RemoveCode(sub, purpose));
    }

    @Override
    public void putLockout(Lockout lockout) {
        record(lockout.failures() == 0 ? new Mutation.RemoveLockout(lockout.sub()) : new Mutation.PutLockout(lockout));
    }

    @Override
    public void putDevice(Device device) {
        record(new Mutation.PutDevice(device));
    }

    @Override
    public void removeDevice(String key) {
        record(new Mutation.RemoveDevice(key));
    }

    @Override
    public void putWebAuthnCredential(WebAuthnCredential credential) {
        record(new Mutation.PutWebAuthnCredential(credential));
    }

    @Override
    public void removeWebAuthnCredential(String credentialId) {
        record(new Mutation.RemoveWebAuthnCredential(credentialId));
    }

    @Override
    public void putWebAuthnRegistration(WebAuthnRegistration registration) {
        record(new Mutation.PutWebAuthnRegistration(registration));
    }

    @Override
    public void removeWebAuthnRegistration(String sub) {
        record(new Mutation.RemoveWebAuthnRegistration(sub));
    }

    @Override
    public UICustomization uiCustomization(String clientId) {
        return read().uiCustomization(clientId);
    }

    @Override
    public ManagedLoginBranding managedLoginBranding(String id) {
        return read().managedLoginBranding(id);
    }

    @Override
    public ManagedLoginBranding managedLoginBrandingOfClient(String clientId) {
        return read().managedLoginBrandingOfClient(clientId);
    }

    @Override
    public Terms terms(String id) {
        return read().terms(id);
    }

    @Override
    public Iterator<Terms> termsAfter(String afterId) {
        return read().termsAfter(afterId);
    }

    @Override
    public void putUICustomization(UICustomization customization) {
        record(new Mutation.PutUICustomization(customization));
    }

    @Override
    public void putManagedLoginBranding(ManagedLoginBranding branding) {
        record(new Mutation.PutManagedLoginBranding(branding));
    }

    @Override
    public void removeManagedLoginBranding(String id) {
        record(new Mutation.RemoveManagedLoginBranding(id));
    }

    @Override
    public void putTerms(Terms terms) {
        record(new Mutation.PutTerms(terms));
    }

    @Override
    public void removeTerms(String id) {
        record(new Mutation.RemoveTerms(id));
    }

    @Override
    public IdentityProvider identityProvider(String name) {
        return read().identityProvider(name);
    }

    @Override
    public IdentityProvider identityProviderByIdentifier(String identifier) {
        return read().identityProviderByIdentifier(identifier);
    }

    @Override
    public Iterator<IdentityProvider> identityProvidersAfter(String afterName) {
        return read().identityProvidersAfter(afterName);
    }

    @Override
    public ProviderLink providerLink(String providerName, String attributeValue) {
        return read().providerLink(providerName, attributeValue);
    }

    @Override
    public List<ProviderLink> providerLinks(String sub) {
        return read().providerLinks(sub);
    }

    @Override
    public SamlCertificate samlCertificate() {
        return read().samlCertificate();
    }

    @Override
    public void putIdentityProvider(IdentityProvider provider) {
        record(new Mutation.PutIdentityProvider(provider));
    }

    @Override
    public void removeIdentityProvider(String providerName) {
        record(new Mutation.RemoveIdentityProvider(providerName));
    }

    @Override
    public void putProviderLink(ProviderLink link) {
        record(new Mutation.PutProviderLink(link));
    }

    @Override
    public void removeProviderLink(String providerName, String attributeValue) {
        record(new Mutation.RemoveProviderLink(providerName, attributeValue));
    }

    @Override
    public void putSamlCertificate(SamlCertificate certificate) {
        record(new Mutation.PutSamlCertificate(certificate));
    }

    @Override
    public void putDomain(UserPoolDomain domain) {
        record(new Mutation.PutDomain(domain));
    }

    @Override
    public void removeDomain(String domain) {
        record(new Mutation.RemoveDomain(domain));
    }

    @Override
    public void putResourceServer(ResourceServer server) {
        record(new Mutation.PutResourceServer(server));
    }

    @Override
    public void removeResourceServer(String identifier) {
        record(new Mutation.RemoveResourceServer(identifier));
    }

    @Override
    public RiskConfiguration riskConfiguration(String clientId) {
        return read().riskConfiguration(clientId);
    }

    @Override
    public AuthEvent authEvent(String sub, String eventId) {
        return read().authEvent(sub, eventId);
    }

    @Override
    public Iterator<AuthEvent> authEventsAfter(String sub, String afterId) {
        return read().authEventsAfter(sub, afterId);
    }

    @Override
    public void putRiskConfiguration(RiskConfiguration configuration) {
        record(new Mutation.PutRiskConfiguration(configuration));
    }

    @Override
    public void removeRiskConfiguration(String clientId) {
        record(new Mutation.RemoveRiskConfiguration(clientId));
    }

    @Override
    public void putAuthEvent(AuthEvent event) {
        record(new Mutation.PutAuthEvent(event));
    }

    @Override
    public int clientCount() {
        return read().clientCount();
    }

    @Override
    public int groupCount() {
        return read().groupCount();
    }

    @Override
    public int identityProviderCount() {
        return read().identityProviderCount();
    }

    @Override
    public Replica replica(String region) {
        return read().replica(region);
    }

    @Override
    public List<Replica> replicas() {
        return read().replicas();
    }

    @Override
    public void putReplica(Replica replica) {
        record(new Mutation.PutReplica(replica));
    }

    @Override
    public void removeReplica(String region) {
        record(new Mutation.RemoveReplica(region));
    }

    @Override
    public List<LogDestination> logDelivery() {
        return read().logDelivery();
    }

    @Override
    public UserImportJob importJob(String jobId) {
        return read().importJob(jobId);
    }

    @Override
    public Iterator<UserImportJob> importJobsAfter(String afterId) {
        return read().importJobsAfter(afterId);
    }

    @Override
    public void putLogDelivery(List<LogDestination> destinations) {
        record(new Mutation.PutLogDelivery(destinations));
    }

    @Override
    public void putUserImportJob(UserImportJob job) {
        record(new Mutation.PutUserImportJob(job));
    }
}
