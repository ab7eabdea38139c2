package dev.cognitoemulator.quotas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each operation's request-rate category, in one table. Documented (developer guide, "Quotas in Amazon Cognito",
 * category operations) for the operations that page lists; the emulator's reading of each category's description
 * for the newer ones it does not name (passkeys, managed login, terms, replicas, logs, tags, auth factors,
 * GetTokensFromRefreshToken). GetProvisionedLimit and UpdateProvisionedLimit belong to none: they are never
 * throttled here.
 */
public final class OperationCategories {

    private static final Map<String, Category> TABLE = table();

    private OperationCategories() {
    }

    /** The operation's category; null for one that has none. */
    public static Category of(String operation) {
        return TABLE.get(operation);
    }

    private static Map<String, Category> table() {
        Map<String, Category> t = new HashMap<>();
        put(t, Category.UserAuthentication, "AdminInitiateAuth", "InitiateAuth", "AdminRespondToAuthChallenge",
                "RespondToAuthChallenge", "GetTokensFromRefreshToken");
        put(t, Category.UserCreation, "SignUp", "ConfirmSignUp", "AdminCreateUser", "AdminConfirmSignUp");
        put(t, Category.UserAccountRecovery, "ChangePassword", "ConfirmForgotPassword", "ForgotPassword",
                "AdminResetUserPassword", "AdminSetUserPassword", "ResendConfirmationCode");
        put(t, Category.UserRead, "AdminGetUser", "GetUser", "AdminGetUserAuthFactors", "GetUserAuthFactors");
        put(t, Category.UserUpdate, "AdminDeleteUser", "AdminDeleteUserAttributes", "AdminDisableProviderForUser",
                "AdminDisableUser", "AdminEnableUser", "AdminLinkProviderForUser", "AdminSetUserMFAPreference",
                "AdminSetUserSettings", "AdminUpdateUserAttributes", "DeleteUser", "DeleteUserAttributes",
                "GetUserAttributeVerificationCode", "SetUserMFAPreference", "SetUserSettings",
                "UpdateUserAttributes", "VerifyUserAttribute");
        put(t, Category.UserResourceRead, "AdminGetDevice", "AdminListDevices", "AdminListGroupsForUser",
                "AdminListUserAuthEvents", "GetDevice", "ListDevices", "ListWebAuthnCredentials");
        put(t, Category.UserResourceUpdate, "AdminAddUserToGroup", "AdminForgetDevice", "AdminRemoveUserFromGroup",
                "AdminUpdateAuthEventFeedback", "AdminUpdateDeviceStatus", "AssociateSoftwareToken", "ConfirmDevice",
                "ForgetDevice", "UpdateAuthEventFeedback", "UpdateDeviceStatus", "VerifySoftwareToken",
                "StartWebAuthnRegistration", "CompleteWebAuthnRegistration", "DeleteWebAuthnCredential");
        put(t, Category.UserList, "ListUsers", "ListUsersInGroup");
        put(t, Category.UserPoolRead, "DescribeUserPool", "GetUserPoolMfaConfig", "ListUserPools",
                "GetLogDeliveryConfiguration", "ListTagsForResource", "ListUserPoolReplicas");
        put(t, Category.UserPoolUpdate, "AddCustomAttributes", "CreateUserPool", "DeleteUserPool", "UpdateUserPool",
                "SetUserPoolMfaConfig", "SetLogDeliveryConfiguration", "TagResource", "UntagResource",
                "CreateUserPoolReplica", "UpdateUserPoolReplica", "DeleteUserPoolReplica");
        put(t, Category.UserPoolResourceRead, "DescribeIdentityProvider", "DescribeResourceServer",
                "DescribeRiskConfiguration", "DescribeUserImportJob", "DescribeUserPoolDomain", "GetCSVHeader",
                "GetGroup", "GetIdentityProviderByIdentifier", "GetSigningCertificate", "GetUICustomization",
                "ListGroups", "ListIdentityProviders", "ListResourceServers", "ListUserImportJobs",
                "DescribeManagedLoginBranding", "DescribeManagedLoginBrandingByClient", "DescribeTerms", "ListTerms");
        put(t, Category.UserPoolResourceUpdate, "CreateGroup", "CreateIdentityProvider", "CreateResourceServer",
                "CreateUserImportJob", "CreateUserPoolDomain", "DeleteGroup", "DeleteIdentityProvider",
                "DeleteResourceServer", "DeleteUserPoolDomain", "SetRiskConfiguration", "SetUICustomization",
                "StartUserImportJob", "StopUserImportJob", "UpdateGroup", "UpdateIdentityProvider",
                "UpdateResourceServer", "UpdateUserPoolDomain", "CreateManagedLoginBranding",
                "UpdateManagedLoginBranding", "DeleteManagedLoginBranding", "CreateTerms", "UpdateTerms",
                "DeleteTerms");
        put(t, Category.UserPoolClientRead, "DescribeUserPoolClient", "ListUserPoolClients",
                "ListUserPoolClientSecrets");
        put(t, Category.UserPoolClientUpdate, "CreateUserPoolClient", "DeleteUserPoolClient", "UpdateUserPoolClient",
                "AddUserPoolClientSecret", "DeleteUserPoolClientSecret");
        put(t, Category.UserToken, "AdminUserGlobalSignOut", "GlobalSignOut", "RevokeToken");
        return Map.copyOf(t);
    }

    private static void put(Map<String, Category> t, Category category, String... operations) {
        for (String operation : List.of(operations)) {
            if (t.put(operation, category) != null) {
                throw new IllegalStateException(operation + " is in two categories");
            }
        }
    }
}
