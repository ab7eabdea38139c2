package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pool's username rules for a new user (AdminCreateUser, SignUp): in a pool that signs in with email or phone
 * number, the username must be one, it becomes that attribute's value and the stored username is the new user's sub;
 * in an alias pool, the username must not look like an alias. Captured texts: cognito-errors.md section 6.
 */
public final class Usernames {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{0,14}");

    /** Who the new user is: its stored username, sub and attribute values (the sign-in attribute's included). */
    public record Identity(String username, String sub, Map<String, String> values) {
    }

    private Usernames() {
    }

    public static Identity identify(UserPool pool, String username, Map<String, String> attributes, String sub) {
        Map<String, String> values = new LinkedHashMap<>(attributes);
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

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
