package dev.cognitoemulator;

import dev.cognitoemulator.operations.accounts.AdminConfirmSignUp;
import dev.cognitoemulator.operations.accounts.AdminSetUserSettings;
import dev.cognitoemulator.operations.accounts.ChangePassword;
import dev.cognitoemulator.operations.accounts.ConfirmForgotPassword;
import dev.cognitoemulator.operations.accounts.ConfirmSignUp;
import dev.cognitoemulator.operations.accounts.DeleteUser;
import dev.cognitoemulator.operations.accounts.DeleteUserAttributes;
import dev.cognitoemulator.operations.accounts.ForgotPassword;
import dev.cognitoemulator.operations.accounts.GetUserAttributeVerificationCode;
import dev.cognitoemulator.operations.accounts.ResendConfirmationCode;
import dev.cognitoemulator.operations.accounts.SetUserSettings;
import dev.cognitoemulator.operations.accounts.SignUp;
import dev.cognitoemulator.operations.accounts.UpdateUserAttributes;
import dev.cognitoemulator.operations.accounts.VerifyUserAttribute;
import dev.cognitoemulator.operations.auth.AdminInitiateAuth;
import dev.cognitoemulator.operations.auth.AdminResetUserPassword;
import dev.cognitoemulator.operations.auth.AdminRespondToAuthChallenge;
import dev.cognitoemulator.operations.auth.AdminSetUserPassword;
import dev.cognitoemulator.operations.auth.AdminUserGlobalSignOut;
import dev.cognitoemulator.operations.auth.GetTokensFromRefreshToken;
import dev.cognitoemulator.operations.auth.GetUser;
import dev.cognitoemulator.operations.auth.GetUserAuthFactors;
import dev.cognitoemulator.operations.auth.GlobalSignOut;
import dev.cognitoemulator.operations.auth.InitiateAuth;
import dev.cognitoemulator.operations.auth.RespondToAuthChallenge;
import dev.cognitoemulator.operations.auth.RevokeToken;
import dev.cognitoemulator.operations.branding.CreateManagedLoginBranding;
import dev.cognitoemulator.operations.branding.DeleteManagedLoginBranding;
import dev.cognitoemulator.operations.branding.DescribeManagedLoginBranding;
import dev.cognitoemulator.operations.branding.DescribeManagedLoginBrandingByClient;
import dev.cognitoemulator.operations.branding.GetUICustomization;
import dev.cognitoemulator.operations.branding.SetUICustomization;
import dev.cognitoemulator.operations.branding.UpdateManagedLoginBranding;
import dev.cognitoemulator.operations.clients.AddUserPoolClientSecret;
import dev.cognitoemulator.operations.clients.CreateUserPoolClient;
import dev.cognitoemulator.operations.clients.DeleteUserPoolClient;
import dev.cognitoemulator.operations.clients.DeleteUserPoolClientSecret;
import dev.cognitoemulator.operations.clients.DescribeUserPoolClient;
import dev.cognitoemulator.operations.clients.ListUserPoolClientSecrets;
import dev.cognitoemulator.operations.clients.ListUserPoolClients;
import dev.cognitoemulator.operations.clients.UpdateUserPoolClient;
import dev.cognitoemulator.operations.devices.AdminForgetDevice;
import dev.cognitoemulator.operations.devices.AdminGetDevice;
import dev.cognitoemulator.operations.devices.AdminListDevices;
import dev.cognitoemulator.operations.devices.AdminUpdateDeviceStatus;
import dev.cognitoemulator.operations.devices.ConfirmDevice;
import dev.cognitoemulator.operations.devices.ForgetDevice;
import dev.cognitoemulator.operations.devices.GetDevice;
import dev.cognitoemulator.operations.devices.ListDevices;
import dev.cognitoemulator.operations.devices.UpdateDeviceStatus;
import dev.cognitoemulator.operations.domains.CreateUserPoolDomain;
import dev.cognitoemulator.operations.domains.DeleteUserPoolDomain;
import dev.cognitoemulator.operations.domains.DescribeUserPoolDomain;
import dev.cognitoemulator.operations.domains.UpdateUserPoolDomain;
import dev.cognitoemulator.operations.groups.AdminAddUserToGroup;
import dev.cognitoemulator.operations.groups.AdminListGroupsForUser;
import dev.cognitoemulator.operations.groups.AdminRemoveUserFromGroup;
import dev.cognitoemulator.operations.groups.CreateGroup;
import dev.cognitoemulator.operations.groups.DeleteGroup;
import dev.cognitoemulator.operations.groups.GetGroup;
import dev.cognitoemulator.operations.groups.ListGroups;
import dev.cognitoemulator.operations.groups.ListUsersInGroup;
import dev.cognitoemulator.operations.groups.UpdateGroup;
import dev.cognitoemulator.operations.imports.CreateUserImportJob;
import dev.cognitoemulator.operations.imports.DescribeUserImportJob;
import dev.cognitoemulator.operations.imports.GetCSVHeader;
import dev.cognitoemulator.operations.imports.ListUserImportJobs;
import dev.cognitoemulator.operations.imports.StartUserImportJob;
import dev.cognitoemulator.operations.imports.StopUserImportJob;
import dev.cognitoemulator.operations.logs.GetLogDeliveryConfiguration;
import dev.cognitoemulator.operations.logs.SetLogDeliveryConfiguration;
import dev.cognitoemulator.operations.mfa.AdminSetUserMFAPreference;
import dev.cognitoemulator.operations.mfa.AssociateSoftwareToken;
import dev.cognitoemulator.operations.mfa.GetUserPoolMfaConfig;
import dev.cognitoemulator.operations.mfa.SetUserMFAPreference;
import dev.cognitoemulator.operations.mfa.SetUserPoolMfaConfig;
import dev.cognitoemulator.operations.mfa.VerifySoftwareToken;
import dev.cognitoemulator.operations.passkeys.CompleteWebAuthnRegistration;
import dev.cognitoemulator.operations.passkeys.DeleteWebAuthnCredential;
import dev.cognitoemulator.operations.passkeys.ListWebAuthnCredentials;
import dev.cognitoemulator.operations.passkeys.StartWebAuthnRegistration;
import dev.cognitoemulator.operations.pools.AddCustomAttributes;
import dev.cognitoemulator.operations.pools.CreateUserPool;
import dev.cognitoemulator.operations.pools.DeleteUserPool;
import dev.cognitoemulator.operations.pools.DescribeUserPool;
import dev.cognitoemulator.operations.pools.ListUserPools;
import dev.cognitoemulator.operations.pools.UpdateUserPool;
import dev.cognitoemulator.operations.terms.CreateTerms;
import dev.cognitoemulator.operations.terms.DeleteTerms;
import dev.cognitoemulator.operations.terms.DescribeTerms;
import dev.cognitoemulator.operations.terms.ListTerms;
import dev.cognitoemulator.operations.terms.UpdateTerms;

import dev.cognitoemulator.operations.providers.AdminDisableProviderForUser;
import dev.cognitoemulator.operations.providers.AdminLinkProviderForUser;
import dev.cognitoemulator.operations.providers.CreateIdentityProvider;
import dev.cognitoemulator.operations.providers.DeleteIdentityProvider;
import dev.cognitoemulator.operations.providers.DescribeIdentityProvider;
import dev.cognitoemulator.operations.providers.GetIdentityProviderByIdentifier;
import dev.cognitoemulator.operations.providers.GetSigningCertificate;
import dev.cognitoemulator.operations.providers.ListIdentityProviders;
import dev.cognitoemulator.operations.providers.UpdateIdentityProvider;
import dev.cognitoemulator.operations.quotas.GetProvisionedLimit;
import dev.cognitoemulator.operations.quotas.UpdateProvisionedLimit;
import dev.cognitoemulator.operations.replicas.CreateUserPoolReplica;
import dev.cognitoemulator.operations.replicas.DeleteUserPoolReplica;
import dev.cognitoemulator.operations.replicas.ListUserPoolReplicas;
import dev.cognitoemulator.operations.replicas.UpdateUserPoolReplica;
import dev.cognitoemulator.operations.resourceservers.CreateResourceServer;
import dev.cognitoemulator.operations.resourceservers.DeleteResourceServer;
import dev.cognitoemulator.operations.resourceservers.DescribeResourceServer;
import dev.cognitoemulator.operations.resourceservers.ListResourceServers;
import dev.cognitoemulator.operations.resourceservers.UpdateResourceServer;
import dev.cognitoemulator.operations.threat.AdminListUserAuthEvents;
import dev.cognitoemulator.operations.threat.AdminUpdateAuthEventFeedback;
import dev.cognitoemulator.operations.threat.DescribeRiskConfiguration;
import dev.cognitoemulator.operations.threat.SetRiskConfiguration;
import dev.cognitoemulator.operations.threat.UpdateAuthEventFeedback;
import dev.cognitoemulator.operations.tags.ListTagsForResource;
import dev.cognitoemulator.operations.tags.TagResource;
import dev.cognitoemulator.operations.tags.UntagResource;
import dev.cognitoemulator.operations.users.AdminCreateUser;
import dev.cognitoemulator.operations.users.AdminDeleteUser;
import dev.cognitoemulator.operations.users.AdminDeleteUserAttributes;
import dev.cognitoemulator.operations.users.AdminDisableUser;
import dev.cognitoemulator.operations.users.AdminEnableUser;
import dev.cognitoemulator.operations.users.AdminGetUser;
import dev.cognitoemulator.operations.users.AdminGetUserAuthFactors;
import dev.cognitoemulator.operations.users.AdminUpdateUserAttributes;
import dev.cognitoemulator.operations.users.ListUsers;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/** The operation table: every implemented operation (stateless; what they work with comes with each call). */
public final class Operations {

    private Operations() {
    }

    public static List<Operation<?, ?>> all() {
        return List.of(
                new CreateUserPool(), new DescribeUserPool(), new UpdateUserPool(), new ListUserPools(),
                new DeleteUserPool(), new AddCustomAttributes(),
                new AdminCreateUser(), new AdminGetUser(), new AdminGetUserAuthFactors(), new AdminUpdateUserAttributes(),
                new AdminDeleteUserAttributes(), new AdminDeleteUser(), new AdminEnableUser(), new AdminDisableUser(),
                new ListUsers(),
                new CreateUserPoolClient(), new DescribeUserPoolClient(), new UpdateUserPoolClient(),
                new DeleteUserPoolClient(), new ListUserPoolClients(),
                new CreateGroup(), new GetGroup(), new UpdateGroup(), new DeleteGroup(), new ListGroups(),
                new AdminAddUserToGroup(), new AdminRemoveUserFromGroup(), new AdminListGroupsForUser(),
                new ListUsersInGroup(),
                new InitiateAuth(), new AdminInitiateAuth(), new RespondToAuthChallenge(),
                new AdminRespondToAuthChallenge(), new GetUser(), new GetUserAuthFactors(), new GlobalSignOut(), new AdminUserGlobalSignOut(),
                new RevokeToken(), new AdminSetUserPassword(), new AdminResetUserPassword(),
                new GetTokensFromRefreshToken(),
                new SignUp(), new ConfirmSignUp(), new ResendConfirmationCode(), new AdminConfirmSignUp(),
                new ForgotPassword(), new ConfirmForgotPassword(), new ChangePassword(), new UpdateUserAttributes(),
                new DeleteUserAttributes(), new DeleteUser(), new GetUserAttributeVerificationCode(),
                new VerifyUserAttribute(), new SetUserSettings(), new AdminSetUserSettings(),
                new SetUserPoolMfaConfig(), new GetUserPoolMfaConfig(), new AssociateSoftwareToken(),
                new VerifySoftwareToken(), new SetUserMFAPreference(), new AdminSetUserMFAPreference(),
                new ConfirmDevice(), new GetDevice(), new ListDevices(), new UpdateDeviceStatus(), new ForgetDevice(),
                new AdminGetDevice(), new AdminListDevices(), new AdminUpdateDeviceStatus(), new AdminForgetDevice(),
                new StartWebAuthnRegistration(), new CompleteWebAuthnRegistration(), new ListWebAuthnCredentials(),
                new DeleteWebAuthnCredential(),
                new GetUICustomization(), new SetUICustomization(),
                new CreateManagedLoginBranding(), new DescribeManagedLoginBranding(),
                new DescribeManagedLoginBrandingByClient(), new UpdateManagedLoginBranding(),
                new DeleteManagedLoginBranding(),
                new CreateTerms(), new DescribeTerms(), new UpdateTerms(), new DeleteTerms(), new ListTerms(),
                new CreateIdentityProvider(), new DescribeIdentityProvider(), new UpdateIdentityProvider(),
                new DeleteIdentityProvider(), new ListIdentityProviders(), new GetIdentityProviderByIdentifier(),
                new AdminLinkProviderForUser(), new AdminDisableProviderForUser(), new GetSigningCertificate(),
                new CreateUserPoolDomain(), new DescribeUserPoolDomain(), new UpdateUserPoolDomain(),
                new DeleteUserPoolDomain(),
                new CreateResourceServer(), new DescribeResourceServer(), new UpdateResourceServer(),
                new DeleteResourceServer(), new ListResourceServers(),
                new AddUserPoolClientSecret(), new ListUserPoolClientSecrets(), new DeleteUserPoolClientSecret(),
                new DescribeRiskConfiguration(), new SetRiskConfiguration(), new AdminListUserAuthEvents(),
                new AdminUpdateAuthEventFeedback(), new UpdateAuthEventFeedback(),
                new GetProvisionedLimit(), new UpdateProvisionedLimit(),
                new CreateUserPoolReplica(), new ListUserPoolReplicas(), new UpdateUserPoolReplica(),
                new DeleteUserPoolReplica(),
                new TagResource(), new UntagResource(), new ListTagsForResource(),
                new GetLogDeliveryConfiguration(), new SetLogDeliveryConfiguration(),
                new GetCSVHeader(), new CreateUserImportJob(), new StartUserImportJob(), new DescribeUserImportJob(),
                new ListUserImportJobs(), new StopUserImportJob());
    }
}
