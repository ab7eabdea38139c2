package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.Usernames;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.AdminCreateUserRequest;
import dev.cognitoemulator.model.AdminCreateUserResponse;
import dev.cognitoemulator.model.MessageActionType;
import dev.cognitoemulator.operations.accounts.Accounts;
import dev.cognitoemulator.operations.accounts.SignUp;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.triggers.Triggers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a user in FORCE_CHANGE_PASSWORD with a temporary password (the given one, checked against the
 * policy, or a generated one), or with {@code MessageAction: RESEND} renews the temporary password of such a
 * user. In a pool that signs in with email or phone number, the username must be one and the stored
 * username is the new user's sub ({@link Usernames}). The invitation goes to the inbox (and SMTP) after the write.
 * A new user passes the pool's PreSignUp trigger first (PreSignUp_AdminCreateUser, outside the lock), which may
 * refuse it or verify its email address or phone number.
 */
public final class AdminCreateUser implements Operation<AdminCreateUserRequest, AdminCreateUserResponse> {

    @Override
    public AdminCreateUserResponse execute(AdminCreateUserRequest request, Call call) {
        Created created = MessageActionType.RESEND.equals(request.messageAction()) ? resend(request, call)
                : create(request, call);
        invite(request, created, call);
        return new AdminCreateUserResponse(Users.type(created.user(), null));
    }

    /** The user as written, with its temporary password (for the invitation). */
    private record Created(UserPool pool, User user, String password) {
    }

    /** A RESEND's new temporary password, worked out before the write. */
    private record Renewal(UserPool pool, String password, Credentials credentials) {
    }

    private static Created create(AdminCreateUserRequest request, Call call) {
        UserPool pool = call.store().pool(request.userPoolId());
        Usernames.Identity identity = Usernames.identify(pool, request.username(),
                Users.toMap(request.userAttributes()), call.random().uuid());
        String password = request.temporaryPassword() != null ? request.temporaryPassword()
                : Passwords.generate(pool.settings().passwordPolicy(), call.random());
        Credentials credentials = Credentials.of(pool.id(), identity.username(), password, call.random());
        Map<String, String> values = call.services().triggers().preSignUp(pool, null,
                Triggers.PRE_SIGN_UP_ADMIN_CREATE_USER, identity.username(), identity.values(),
                request.validationData() == null ? null : Users.toMap(request.validationData()),
                request.clientMetadata()).verified(identity.values());
        return call.write(pool.id(), users -> {
            UserPool current = users.pool();
            if (users.byUsernameKey(UserLookup.usernameKey(current, identity.username())) != null) {
                // Captured: localstack/localstack#4465 (AWS CLI against AWS).
                throw new CognitoException(ErrorCode.UsernameExistsException, "User account already exists");
            }
            AttributeRules.forCreate(current, identity.values());
            checkDelivery(request, identity.values());
            if (request.temporaryPassword() != null) {
                Passwords.check(current.settings().passwordPolicy(), password, Passwords.ADMIN_PREFIX);
            }
            Map<String, String> all = new LinkedHashMap<>();
            all.put("sub", identity.sub());
            all.putAll(values);
            User user = new User(identity.username(), identity.sub(), Attributes.of(all),
                    UserStatus.FORCE_CHANGE_PASSWORD, true, call.now(), call.now(), credentials, List.of(), MfaSettings.NONE);
            moveConflictingAlias(users, user, request, call);
            users.put(user);
            return new Created(current, user, password);
        });
    }

    /** An alias the new user would share: refused, or with ForceAliasCreation taken from its previous owner. */
    private static void moveConflictingAlias(PoolWrite users, User user, AdminCreateUserRequest request, Call call) {
        UserLookup.AliasConflict conflict = UserLookup.aliasConflict(users, user);
        if (conflict == null) {
            return;
        }
        if (users.pool().usernameAttributes().contains(conflict.attribute())
                || !Boolean.TRUE.equals(request.forceAliasCreation())) {
            // Captured: AWS answers UsernameExistsException naming the alias, not the AliasExistsException its
            // model does not list for AdminCreateUser (boto/boto3#3213).
            throw new CognitoException(ErrorCode.UsernameExistsException, conflict.message());
        }
        User previous = conflict.owner();
        users.put(previous.withAttributes(previous.attributes().with(conflict.attribute() + "_verified", "false"),
                call.now()));
    }

    private static Created resend(AdminCreateUserRequest request, Call call) {
        Renewal[] renewal = new Renewal[1];
        User user = call.updateUser(request.userPoolId(), request.username(), (pool, current) -> {
            if (current.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                throw new CognitoException(ErrorCode.UnsupportedUserStateException,
                        "Resend not possible. " + current.username() + " status is not FORCE_CHANGE_PASSWORD");
            }
            String password = temporaryPassword(pool, request, call);
            renewal[0] = new Renewal(pool, password, Credentials.of(pool.id(), current.username(), password,
                    call.random()));
            return renewal[0];
        }, (current, renewed) -> current.withCredentials(renewed.credentials(), current.status(), call.now()));
        return new Created(renewal[0].pool(), user, renewal[0].password());
    }

    /**
     * The invitation with the temporary password, to each of DesiredDeliveryMediums ("The default value is SMS",
     * model) the user has an attribute for, unless SUPPRESS; {@code {username}} is the username as given (captured
     * with an email-username pool: londonaicentre/FLIP#15). Without the medium's attribute nothing goes (an
     * explicitly desired one was refused before the write).
     */
    private static void invite(AdminCreateUserRequest request, Created created, Call call) {
        if (MessageActionType.SUPPRESS.equals(request.messageAction())) {
            return;
        }
        List<String> mediums = request.desiredDeliveryMediums() == null ? List.of(Message.SMS)
                : request.desiredDeliveryMediums();
        for (String medium : mediums) {
            Accounts.Target target = Accounts.target(Message.SMS.equals(medium) ? UserLookup.PHONE
                    : UserLookup.EMAIL, created.user().attributes());
            if (target != null) {
                Accounts.send(call, created.pool(), created.user(), null, target, "AdminCreateUser",
                        created.password(), request.username(), Templates.invitation(created.pool().settings(),
                                medium, request.username(), created.password()), request.clientMetadata());
            }
        }
    }

    /** The given temporary password, checked against the policy, or a generated one. */
    private static String temporaryPassword(UserPool pool, AdminCreateUserRequest request, Call call) {
        String password = request.temporaryPassword();
        if (password == null) {
            return Passwords.generate(pool.settings().passwordPolicy(), call.random());
        }
        Passwords.check(pool.settings().passwordPolicy(), password, Passwords.ADMIN_PREFIX);
        return password;
    }

    /** Unconfirmed texts: a message can't be delivered to a medium the user has no attribute for. */
    private static void checkDelivery(AdminCreateUserRequest request, Map<String, String> values) {
        if (MessageActionType.SUPPRESS.equals(request.messageAction()) || request.desiredDeliveryMediums() == null) {
            return;
        }
        if (request.desiredDeliveryMediums().contains("EMAIL") && values.get(UserLookup.EMAIL) == null) {
            throw invalid("No email provided but desired delivery medium was Email");
        }
        if (request.desiredDeliveryMediums().contains("SMS") && values.get(UserLookup.PHONE) == null) {
            throw invalid("No phone_number provided but desired delivery medium was SMS");
        }
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
