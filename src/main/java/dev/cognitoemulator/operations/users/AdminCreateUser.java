package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.PoolTable;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.time.Instant;
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
public final class AdminCreateUser implements Operation<AdminCreateUser.AdminCreateUserRequest> {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{0,14}");

    private final UserPoolStore store;
    private final Clock clock;

    public AdminCreateUser(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminCreateUserRequest(String userPoolId, String username, List<AttributeType> userAttributes,
            List<AttributeType> validationData, String temporaryPassword, Boolean forceAliasCreation,
            String messageAction, List<String> desiredDeliveryMediums, Map<String, String> clientMetadata) {
    }

    public record AdminCreateUserResponse(UserType user) {
    }

    @Override
    public Class<AdminCreateUserRequest> requestType() {
        return AdminCreateUserRequest.class;
    }

    @Override
    public Object execute(AdminCreateUserRequest request, RequestContext context) {
        Instant now = clock.instant();
        User created = store.write(request.userPoolId(), users -> "RESEND".equals(request.messageAction())
                ? resend(users, request, now) : create(users, request, now));
        return new AdminCreateUserResponse(UserType.of(created, null));
    }

    private static User create(PoolTable users, AdminCreateUserRequest request, Instant now) {
        UserPool pool = users.pool();
        Map<String, String> values = new LinkedHashMap<>(AttributeType.toMap(request.userAttributes()));
        String sub = Ids.sub();
        String username = request.username();
        if (!pool.usernameAttributes().isEmpty()) {
            String attribute = signInAttribute(pool, username);
            String given = values.get(attribute);
            if (given != null && !given.equals(username)) {
                // Quoted by jagregory/cognito-local#102 from AWS.
                throw invalid("User " + (UserLookup.EMAIL.equals(attribute) ? "email" : "phone number")
                        + " should be empty or same as username, since username attribute is " + attribute);
            }
            values.put(attribute, username);
            username = sub;
        } else {
            rejectAliasShapedUsername(pool, username);
        }
        if (users.byUsernameKey(UserLookup.usernameKey(pool, username)) != null) {
            // Captured: localstack/localstack#4465 (AWS CLI against AWS).
            throw new CognitoException(ErrorCode.UsernameExistsException, "User account already exists");
        }
        AttributeRules.forCreate(pool, values);
        checkDelivery(request, values);
        String password = request.temporaryPassword();
        if (password == null) {
            password = Passwords.generate(pool);
        } else {
            Passwords.check(pool, password, Passwords.ADMIN_PREFIX);
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("sub", sub);
        all.putAll(values);
        User user = new User(username, sub, Attributes.of(all), UserStatus.FORCE_CHANGE_PASSWORD, true, now, now,
                Passwords.hash(password), List.of());
        UserLookup.AliasConflict conflict = UserLookup.aliasConflict(users, user);
        if (conflict != null) {
            if (pool.usernameAttributes().contains(conflict.attribute())) {
                throw new CognitoException(ErrorCode.UsernameExistsException, conflict.message());
            }
            if (!Boolean.TRUE.equals(request.forceAliasCreation())) {
                throw new CognitoException(ErrorCode.AliasExistsException, conflict.message());
            }
            // ForceAliasCreation: the alias moves to the new user; the previous owner loses it.
            User previous = conflict.owner();
            users.put(previous.withAttributes(previous.attributes().with(conflict.attribute() + "_verified",
                    "false"), now));
        }
        users.put(user);
        return user;
    }

    private static User resend(PoolTable users, AdminCreateUserRequest request, Instant now) {
        User user = UserLookup.find(users, request.username());
        if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
            throw new CognitoException(ErrorCode.UnsupportedUserStateException,
                    "Resend not possible. " + user.username() + " status is not FORCE_CHANGE_PASSWORD");
        }
        String password = request.temporaryPassword();
        if (password == null) {
            password = Passwords.generate(users.pool());
        } else {
            Passwords.check(users.pool(), password, Passwords.ADMIN_PREFIX);
        }
        User renewed = user.withPassword(Passwords.hash(password), user.status(), now);
        users.put(renewed);
        return renewed;
    }

    /** The attribute a username-attributes pool reads the username as (captured texts: see cognito-errors.md 6). */
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
        if ("SUPPRESS".equals(request.messageAction()) || request.desiredDeliveryMediums() == null) {
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
