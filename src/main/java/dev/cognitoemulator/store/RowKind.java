package dev.cognitoemulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.domain.RiskConfiguration;
import dev.cognitoemulator.domain.SamlCertificate;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.domain.UICustomization;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.domain.WebAuthnRegistration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The kinds of row a pool has in the data directory beside its own (table {@code pools}): each holds one record
 * type, and loads back as the mutation that puts it. The {@code kind} column holds {@link #column()}.
 */
enum RowKind {
    SIGNING_KEY(SigningKey.class, v -> new Mutation.PutSigningKey((SigningKey) v)),
    SAML_CERTIFICATE(SamlCertificate.class, v -> new Mutation.PutSamlCertificate((SamlCertificate) v)),
    CLIENT(AppClient.class, v -> new Mutation.PutClient((AppClient) v)),
    GROUP(Group.class, v -> new Mutation.PutGroup((Group) v)),
    USER(User.class, v -> new Mutation.PutUser((User) v)),
    GRANT(RefreshGrant.class, v -> new Mutation.PutGrant((RefreshGrant) v)),
    SESSION(AuthSession.class, v -> new Mutation.PutSession((AuthSession) v)),
    CODE(VerificationCode.class, v -> new Mutation.PutCode((VerificationCode) v)),
    LOCKOUT(Lockout.class, v -> new Mutation.PutLockout((Lockout) v)),
    DEVICE(Device.class, v -> new Mutation.PutDevice((Device) v)),
    PASSKEY(WebAuthnCredential.class, v -> new Mutation.PutWebAuthnCredential((WebAuthnCredential) v)),
    PASSKEY_REGISTRATION(WebAuthnRegistration.class,
            v -> new Mutation.PutWebAuthnRegistration((WebAuthnRegistration) v)),
    UI_CUSTOMIZATION(UICustomization.class, v -> new Mutation.PutUICustomization((UICustomization) v)),
    MANAGED_LOGIN_BRANDING(ManagedLoginBranding.class,
            v -> new Mutation.PutManagedLoginBranding((ManagedLoginBranding) v)),
    TERMS(Terms.class, v -> new Mutation.PutTerms((Terms) v)),
    IDENTITY_PROVIDER(IdentityProvider.class, v -> new Mutation.PutIdentityProvider((IdentityProvider) v)),
    PROVIDER_LINK(ProviderLink.class, v -> new Mutation.PutProviderLink((ProviderLink) v)),
    DOMAIN(UserPoolDomain.class, v -> new Mutation.PutDomain((UserPoolDomain) v)),
    RESOURCE_SERVER(ResourceServer.class, v -> new Mutation.PutResourceServer((ResourceServer) v)),
    RISK_CONFIGURATION(RiskConfiguration.class, v -> new Mutation.PutRiskConfiguration((RiskConfiguration) v)),
    AUTH_EVENT(AuthEvent.class, v -> new Mutation.PutAuthEvent((AuthEvent) v)),
    REPLICA(Replica.class, v -> new Mutation.PutReplica((Replica) v)),
    LOG_DELIVERY(LogDestination[].class, v -> new Mutation.PutLogDelivery(List.of((LogDestination[]) v))),
    IMPORT_JOB(UserImportJob.class, v -> new Mutation.PutUserImportJob((UserImportJob) v));

    private final Class<?> type;
    private final Function<Object, Mutation> put;
    private final String column;

    RowKind(Class<?> type, Function<Object, Mutation> put) {
        this.type = type;
        this.put = put;
        this.column = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String column() {
        return column;
    }

    static RowKind ofColumn(String column) {
        for (RowKind kind : values()) {
            if (kind.column.equals(column)) {
                return kind;
            }
        }
        return null;
    }

    Class<?> type() {
        return type;
    }

    /** The mutation that puts the row's record back into its pool. */
    Mutation load(String json) throws JsonProcessingException {
        return put.apply(Records.read(json, type));
    }
}
