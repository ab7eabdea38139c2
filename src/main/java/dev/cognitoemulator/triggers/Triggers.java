package dev.cognitoemulator.triggers;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.messages.Templates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The port to a pool's Lambda triggers. Callers invoke it outside every pool lock: they read what they need, call
 * out, then write, re-checking in the write what the callout may have seen change. A trigger the pool's
 * {@code LambdaConfig} does not name is not called (and changes nothing).
 */
public interface Triggers {

    /** The trigger sources of PreSignUp. */
    String PRE_SIGN_UP_SIGN_UP = "PreSignUp_SignUp";
    String PRE_SIGN_UP_ADMIN_CREATE_USER = "PreSignUp_AdminCreateUser";
    String PRE_SIGN_UP_EXTERNAL_PROVIDER = "PreSignUp_ExternalProvider";
    /** The trigger sources of PostConfirmation. */
    String POST_CONFIRMATION_CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";
    String POST_CONFIRMATION_CONFIRM_FORGOT_PASSWORD = "PostConfirmation_ConfirmForgotPassword";

    /** The trigger source of InboundFederation. */
    String INBOUND_FEDERATION_EXTERNAL_PROVIDER = "InboundFederation_ExternalProvider";

    /** The trigger sources of UserMigration. */
    String USER_MIGRATION_AUTHENTICATION = "UserMigration_Authentication";
    String USER_MIGRATION_FORGOT_PASSWORD = "UserMigration_ForgotPassword";

    /**
     * The user UserMigration answered: its attributes, {@code finalUserStatus} ({@code CONFIRMED}, the default, or
     * {@code RESET_REQUIRED}), {@code messageAction} and {@code desiredDeliveryMediums} (null when not given),
     * {@code forceAliasCreation}.
     */
    record Migration(Map<String, String> userAttributes, String finalUserStatus, String messageAction,
            List<String> desiredDeliveryMediums, boolean forceAliasCreation) {
    }

    /** What PreSignUp's response asks for; {@link #NONE} when the pool has no PreSignUp. */
    record SignUpDecision(boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {
        public static final SignUpDecision NONE = new SignUpDecision(false, false, false);

        /**
         * The attributes with what {@code autoVerifyEmail} and {@code autoVerifyPhone} verify: the given email
         * address or phone number (one not given stays unverified; unconfirmed: the guide says "an error will
         * occur", without its text). SignUp, AdminCreateUser and a federated user's first sign-in apply them.
         */
        public Map<String, String> verified(Map<String, String> values) {
            Map<String, String> result = new LinkedHashMap<>(values);
            if (autoVerifyEmail && values.get(UserLookup.EMAIL) != null) {
                result.put(UserLookup.EMAIL + "_verified", "true");
            }
            if (autoVerifyPhone && values.get(UserLookup.PHONE) != null) {
                result.put(UserLookup.PHONE + "_verified", "true");
            }
            return result;
        }
    }

    /**
     * PreSignUp, before a user is created ({@code source} one of the {@code PRE_SIGN_UP_*}); may refuse it by
     * throwing.
     *
     * @param userName       the username the user will have
     * @param userAttributes the attributes given
     * @param validationData the request's ValidationData, null when none
     * @param clientMetadata the request's ClientMetadata, null when none
     */
    SignUpDecision preSignUp(UserPool pool, AppClient client, String source, String userName,
            Map<String, String> userAttributes, Map<String, String> validationData, Map<String, String> clientMetadata);

    /**
     * UserMigration, for a user the pool does not have ({@code source} one of the {@code USER_MIGRATION_*}); null
     * when the pool has no UserMigration or the function returned no {@code userAttributes} (it knows no such user).
     *
     * @param password the password signed in with; null for ForgotPassword
     */
    Migration userMigration(UserPool pool, AppClient client, String source, String userName, String password,
            Map<String, String> clientMetadata);

    /**
     * InboundFederation, at every sign-in through an external provider, before the user is made or updated: the
     * provider's answer, each value as text. Answers the claims to map by the provider's AttributeMapping in place of
     * the provider's, or null when the pool has no InboundFederation or the function returned none (keep them); may
     * refuse the sign-in by throwing.
     *
     * @param userName the pool's username of the identity ({@code <ProviderName>_<id>})
     * @param idToken  the ID token's claims, empty when the provider gave none
     * @param userInfo the userInfo endpoint's answer, empty when the provider has none
     */
    Map<String, String> inboundFederation(UserPool pool, AppClient client, String userName,
            IdentityProvider provider, Map<String, String> tokenResponse, Map<String, String> idToken,
            Map<String, String> userInfo);

    /** PostConfirmation, after the write that confirmed the user or reset its password. */
    void postConfirmation(UserPool pool, AppClient client, User user, String source,
            Map<String, String> clientMetadata);

    /** PreAuthentication, before a password sign-in succeeds; may refuse it by throwing. */
    void preAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata);

    /** PostAuthentication, after a sign-in succeeded. */
    void postAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata);

    /**
     * A message about to go out ({@code kind} as {@link dev.cognitoemulator.messages.Message#kind()}): the pool's
     * CustomEmailSender or CustomSMSSender for its medium is given the code; otherwise CustomMessage may rewrite the
     * text. Answers the text to deliver (to the inbox, the log and SMTP).
     *
     * @param client    null when no app client made the request
     * @param code      the code, or the temporary password of an invitation
     * @param text      the text from the pool's templates, filled in
     * @param usernameParameter the username an invitation names ({@code {username}}), null for other kinds
     */
    Templates.Text message(UserPool pool, AppClient client, User user, String kind, String medium, String code,
            String usernameParameter, Templates.Text text, Map<String, String> clientMetadata);
}
