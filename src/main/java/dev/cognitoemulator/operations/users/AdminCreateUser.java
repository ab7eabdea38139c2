package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AdminCreateUserRequest;
import dev.cognitoemulator.model.AdminCreateUserResponse;
import dev.cognitoemulator.model.MessageActionType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates a user in FORCE_CHANGE_PASSWORD with a temporary password (the given one, checked against the
 * policy, or a generated one), or with {@code MessageAction: RESEND} renews the temporary password of such a
 * user. In a pool that signs in with email or phone number, the username must be one and the stored
 * username is the new user's sub. No message is sent: the emulator delivers nothing.
 */
public final class AdminCreateUser implements Operation<AdminCreateUserRequest, AdminCreateUserResponse> {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{0,14}");

    /** Who the new user is, worked out from the pool's username rules before the write. */
    private record Identity(String username, String sub, Map<String, String> values) {
    }

    @Override
    public AdminCreateUserResponse execute(AdminCreateUserRequest request, Call call) {
        User user = MessageActionType.RESEND.equals(request.messageAction()) ? resend(request, call)
                : create(request, call);
        return new AdminCreateUserResponse(Users.type(user, null));
    }

    private static User create(AdminCreateUserRequest request, Call call) {
        UserPool pool = call.store().pool(request.userPoolId());
        Identity identity = identity(pool, request, call.random().uuid());
        String password = request.temporaryPassword() != null ? request.temporaryPassword()
                : Passwords.generate(pool.settings().passwordPolicy(), call.random());
        Credentials credentials = Credentials.of(pool.id(), identity.username(), password, call.random());
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
            all.putAll(identity.values());
            User user = new User(identity.username(), identity.sub(), Attributes.of(all),
                    UserStatus.FORCE_CHANGE_PASSWORD, true, call.now(), call.now(), credentials, List.of());
            moveConflictingAlias(users, user, request, call);
            users.put(user);
            return user;
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

    private static User resend(AdminCreateUserRequest request, Call call) {
        return call.updateUser(request.userPoolId(), request.username(), (pool, user) -> {
            if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                throw new CognitoException(ErrorCode.UnsupportedUserStateException,
                        "Resend not possible. " + user.username() + " status is not FORCE_CHANGE_PASSWORD");
            }
            String password = temporaryPassword(pool, request, call);
            return Credentials.of(pool.id(), user.username(), password, call.random());
        }, (user, credentials) -> user.withCredentials(credentials, user.status(), call.now()));
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

    /** The username and attributes by the pool's username rules (captured texts: see cognito-errors.md 6). */
    private static Identity identity(UserPool pool, AdminCreateUserRequest request, String sub) {
        Map<String, String> values = new LinkedHashMap<>(Users.toMap(request.userAttributes()));
        String username = request.username();
        if (pool.usernameAttributes().isEmpty()) {
            rejectAliasShapedUsername(pool, username);
            return new Identity(username, sub, values);
        }
        String attribute = signInAttribute(pool, username);
        String given = values.get(attribute);
        if (given != null && !given.equals(username)) {
            // Quoted by jagregory/cognito-local#102 from AWS.
            throw invalid("User " + (UserLookup.EMAIL.equals(attribute) ? "email" : "phone number")
                    + " should be empty or same as username, since username attribute is " + attribute);
        }
        values.put(attribute, username);
        return new Identity(sub, sub, values);
    }

    /** The attribute a username-attributes pool reads the username as. */
    private static String signInAttribute(UserPool pool, String username) {
        boolean email = pool.usernameAttributes().contains(UserLookup.EMAIL);
        boolean phone = pool.usernameAttributes().contains(UserLookup.PHONE);
        if (email && EMAIL.matcher(username).matches()) {
            return UserLookup.EMAIL;
        }
        if (phone && PHONE.matcher(username).matches()) {
            return UserLookup.PHONE;
        }
        throw invalid(email && phone ? "Username should be either an email or a phone number."
                : email ? "Username should be an email." : "Username should be a phone number.");
    }

    private static void rejectAliasShapedUsername(UserPool pool, String username) {
        if (pool.aliasAttributes().contains(UserLookup.EMAIL) && EMAIL.matcher(username).matches()) {
            // Captured: amazon-archives/aws-cognito-angular-quickstart#17.
            throw invalid("Username cannot be of email format, since user pool is configured for email alias.");
        }
        if (pool.aliasAttributes().contains(UserLookup.PHONE) && PHONE.matcher(username).matches()) {
            // Unconfirmed: the phone counterpart of the captured email text.
            throw invalid("Username cannot be of phone number format, since user pool is configured for phone "
                    + "number alias.");
        }
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
