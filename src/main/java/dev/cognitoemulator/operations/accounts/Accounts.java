package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Masking;
import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.CodeDeliveryDetailsType;
import dev.cognitoemulator.model.RecoveryOptionType;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.signin.SecretHash;
import dev.cognitoemulator.tokens.TokenService;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the self-service operations share: the app client a request names (and its SECRET_HASH), where a code goes,
 * making it, checking what the user types back, and the message after the write. Codes live 24 hours (sign-up,
 * attribute verification) or one hour (password reset), as the developer guide's quotas give them (limits.html, "code
 * security resource quotas"); a new code replaces the old one.
 */
public final class Accounts {

    static final Duration SIGN_UP_VALIDITY = Duration.ofHours(24);
    static final Duration ATTRIBUTE_VALIDITY = Duration.ofHours(24);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    /** Where a code goes: the attribute, its medium and the address or number. */
    public record Target(String attribute, String medium, String destination) {

        /** As Cognito shows it: the destination masked (cognito-errors research: {@code a***@e***}). */
        public CodeDeliveryDetailsType details() {
            return new CodeDeliveryDetailsType(attribute, medium, Masking.mask(medium, destination));
        }
    }

    /** The outcome of checking a code the user typed back, worked out in a write that keeps the failed attempt. */
    enum Check {
        MATCHED, MISMATCH, EXPIRED, TOO_MANY
    }

    private Accounts() {
    }

    /**
     * The client of a client-side operation, with its SECRET_HASH checked (texts: cognito-errors.md section 8). A
     * missing SecretHash member has its own text (captured: a raw SignUp answer, fs:14066095131), not the one for a
     * SECRET_HASH missing from AuthParameters.
     */
    static AppClient client(PoolView pool, String clientId, String secretHash, String username) {
        AppClient client = pool.requireClient(clientId);
        if (client.hasSecret() && secretHash == null) {
            throw new CognitoException(ErrorCode.NotAuthorizedException,
                    "Client " + clientId + " is configured for secret but secret was not received");
        }
        SecretHash.check(client, secretHash, username);
        return client;
    }

    /** The client an access token was issued to; a token of a deleted client is no longer a token. */
    static AppClient clientOf(PoolView pool, AccessTokens.Caller caller) {
        AppClient client = pool.client(caller.grant().clientId());
        if (client == null) {
            throw TokenService.invalidAccessToken();
        }
        return client;
    }

    /**
     * The pool of a client-side operation's client (ResourceNotFoundException when none has it), read once the write
     * or read of the operation is under way.
     */
    static String poolOf(Call call, String clientId) {
        return call.store().poolOfClient(clientId);
    }

    /**
     * Refuses attributes the client may not write: its WriteAttributes, or when it has none every attribute but the
     * verified flags, which only verification sets (captured text: aws/aws-sdk-js#3603; AWS employee on the flags:
     * aws-amplify/aws-sdk-android#142).
     */
    static void requireWritable(AppClient client, Iterable<String> names) {
        for (String name : names) {
            boolean writable = client.writeAttributes() == null ? !VERIFIED_FLAGS.contains(name)
                    : client.writeAttributes().contains(name);
            if (!writable) {
                throw new CognitoException(ErrorCode.NotAuthorizedException,
                        "A client attempted to write unauthorized attribute");
            }
        }
    }

    private static final List<String> VERIFIED_FLAGS = List.of("email_verified", "phone_number_verified");

    /**
     * A user the request names who is not there: {@code UserNotFoundException} (captured: floci fixture
     * forgot-password.unknown-user), or with PreventUserExistenceErrors ENABLED, {@code hidden} (the answer
     * Cognito gives a user who exists but whose code is wrong: documented, user-pool-managing-errors.html).
     */
    static CognitoException unknownUser(AppClient client, CognitoException hidden) {
        return client.hidesUserExistence() ? hidden : userNotFound();
    }

    static CognitoException userNotFound() {
        return new CognitoException(ErrorCode.UserNotFoundException, "Username/client id combination not found.");
    }

    /**
     * What ForgotPassword and ResendConfirmationCode answer for a user that can't be told apart from a real one
     * (PreventUserExistenceErrors ENABLED): a delivery that goes nowhere, its medium from the username's format and
     * the pool's verification settings (documented: user-pool-managing-errors.html).
     */
    static CodeDeliveryDetailsType simulated(UserPool pool, String username) {
        boolean email = username.indexOf('@') > 0
                || !pool.settings().autoVerifiedAttributes().contains(UserLookup.PHONE);
        return email ? new CodeDeliveryDetailsType(UserLookup.EMAIL, Message.EMAIL, Masking.mask(Message.EMAIL,
                username.indexOf('@') > 0 ? username : username + "@" + username))
                : new CodeDeliveryDetailsType(UserLookup.PHONE, Message.SMS, Masking.mask(Message.SMS,
                        username.startsWith("+") ? username : "+0000000000"));
    }

    /**
     * The aliases a user now holds (a verified email or phone number) that another user holds: with
     * {@code force} taken from the other user (its value stays, unverified), else {@code AliasExistsException}
     * (model: ConfirmSignUpRequest.ForceAliasCreation).
     */
    static void claimAliases(PoolWrite pool, User user, boolean force, Call call) {
        for (UserLookup.AliasConflict conflict : UserLookup.aliasConflicts(pool, user)) {
            if (!force) {
                throw new CognitoException(ErrorCode.AliasExistsException, conflict.aliasExistsMessage());
            }
            User previous = conflict.owner();
            pool.put(previous.withAttributes(previous.attributes().with(conflict.attribute() + "_verified", "false"),
                    call.now()));
        }
    }

    /** Cognito's text when the message would be a link but the pool has no domain (captured: amplify-js#4489). */
    static void requireLinkDomain(UserPool pool, Target target) {
        if (target != null && Message.EMAIL.equals(target.medium()) && Templates.confirmsWithLink(pool.settings())) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Cannot perform specific action "
                    + "because there does not exist a valid use pool domain associated with the user pool");
        }
    }

    /** The attribute as a destination; null when the user has no value for it. */
    public static Target target(String attribute, Attributes attributes) {
        String value = attributes.get(attribute);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return target(attribute, value);
    }

    /** A code to this value of the attribute (email or phone_number). */
    static Target target(String attribute, String value) {
        return new Target(attribute, UserLookup.PHONE.equals(attribute) ? Message.SMS : Message.EMAIL, value);
    }

    /**
     * The attribute a user may verify with a code (captured*, code not shown: aws-amplify/amplify-js#3652).
     */
    static void requireVerifiable(String attribute) {
        if (!UserLookup.EMAIL.equals(attribute) && !UserLookup.PHONE.equals(attribute)) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "invalid attribute name. Only phone_number and email can be verified");
        }
    }

    /**
     * Where a sign-up's code goes: the phone number when the pool verifies both and the user gives both ("Amazon
     * Cognito sends a verification code only to the phone number", documented: signing-up-users-in-your-app), else
     * the auto-verified attribute the user has; null when none (no code, no CodeDeliveryDetails: captured by moto's
     * AWS-verified tests).
     */
    static Target signUpTarget(UserPool pool, Attributes attributes) {
        List<String> verified = pool.settings().autoVerifiedAttributes();
        Target phone = verified.contains(UserLookup.PHONE) ? target(UserLookup.PHONE, attributes) : null;
        if (phone != null) {
            return phone;
        }
        return verified.contains(UserLookup.EMAIL) ? target(UserLookup.EMAIL, attributes) : null;
    }

    /**
     * Where a password-reset code goes: the first verified mechanism of AccountRecoverySetting by priority, or
     * without one a verified phone number before a verified email (documented: how-to-recover-a-user-account);
     * null when the user has none of them. With the setting, a phone number does not qualify for a user with SMS MFA
     * (documented: AccountRecoverySettingType). {@code admin_only} is refused (moto's text, unconfirmed).
     */
    static Target recoveryTarget(UserPool pool, User user) {
        var recovery = pool.settings().accountRecoverySetting();
        boolean legacy = recovery == null || recovery.recoveryMechanisms() == null;
        List<String> order = legacy ? List.of("verified_phone_number", "verified_email")
                : recovery.recoveryMechanisms().stream().sorted(Comparator.comparing(RecoveryOptionType::priority))
                        .map(RecoveryOptionType::name).toList();
        for (String mechanism : order) {
            if ("admin_only".equals(mechanism)) {
                throw new CognitoException(ErrorCode.NotAuthorizedException, "Contact administrator to reset password.");
            }
            String attribute = "verified_phone_number".equals(mechanism) ? UserLookup.PHONE : UserLookup.EMAIL;
            boolean smsMfa = !legacy && UserLookup.PHONE.equals(attribute) && user.mfa().has(MfaSettings.SMS);
            if (!smsMfa && "true".equals(user.attributes().get(attribute + "_verified"))) {
                Target target = target(attribute, user.attributes());
                if (target != null) {
                    return target;
                }
            }
        }
        return null;
    }

    static VerificationCode newCode(Call call, User user, String purpose, Target target, Duration validity,
            String pendingValue) {
        return new VerificationCode(user.sub(), purpose, call.services().codes().next(), call.now().plus(validity), 0,
                target.attribute(), target.destination(), pendingValue);
    }

    /**
     * Checks what the user typed back against the code kept for the purpose, in a write: a wrong code counts as a
     * failed attempt (kept even though the operation then fails), and after {@code maxFailures} the code no longer
     * works ({@code LimitExceededException}; captured for ConfirmForgotPassword: aws-amplify/amplify-ui-android#180).
     */
    static Check check(PoolWrite pool, User user, String purpose, String given, int maxFailures, Call call) {
        VerificationCode code = pool.code(user.sub(), purpose);
        if (code == null || code.expiredAt(call.now())) {
            return Check.EXPIRED;
        }
        if (code.failedAttempts() >= maxFailures) {
            return Check.TOO_MANY;
        }
        if (!java.security.MessageDigest.isEqual(code.code().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            pool.putCode(code.failed());
            return Check.MISMATCH;
        }
        return Check.MATCHED;
    }

    /** Cognito's answers for a code that did not match (captured texts, cognito-errors.md sections 9 and 10). */
    static CognitoException refusal(Check check) {
        return switch (check) {
            case MISMATCH -> new CognitoException(ErrorCode.CodeMismatchException,
                    "Invalid verification code provided, please try again.");
            case EXPIRED -> new CognitoException(ErrorCode.ExpiredCodeException,
                    "Invalid code provided, please request a code again.");
            case TOO_MANY -> new CognitoException(ErrorCode.LimitExceededException,
                    "Attempt limit exceeded, please try after some time.");
            case MATCHED -> throw new IllegalArgumentException("a matched code is no refusal");
        };
    }

    /**
     * A message, after the write that made its code (kind: {@link Message#kind()}), through the pool's message
     * triggers (CustomMessage, or a custom sender) outside every lock.
     *
     * @param client            the request's app client, null when none
     * @param usernameParameter the username an invitation names, null for other messages
     */
    public static void send(Call call, UserPool pool, User user, AppClient client, Target target, String kind,
            String code, String usernameParameter, Templates.Text text, Map<String, String> clientMetadata) {
        Templates.Text delivered = call.services().triggers().message(pool, client, user, kind, target.medium(),
                code, usernameParameter, text, clientMetadata);
        call.services().messenger().send(Messenger.Envelope.to(pool, user.username(), target.medium(),
                target.destination()), kind, code, delivered);
    }
}
