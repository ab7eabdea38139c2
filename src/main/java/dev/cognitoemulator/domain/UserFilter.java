package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.Locale;
import java.util.Set;

/**
 * ListUsers' server-side filter: {@code attribute = "value"} (exact) or {@code attribute ^= "value"}
 * (prefix), on exactly the attributes AWS's documentation lists as searchable; quotes inside the value are
 * escaped with a backslash.
 */
public record UserFilter(String attribute, boolean prefix, String value) {

    public static final Set<String> SEARCHABLE = Set.of("username", "email", "phone_number", "name", "given_name",
            "family_name", "preferred_username", "cognito:user_status", "status", "sub");

    /** Null for an absent or blank filter (every user matches). */
    public static UserFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        int i = skipSpaces(filter, 0);
        int start = i;
        while (i < filter.length() && !Character.isWhitespace(filter.charAt(i)) && filter.charAt(i) != '='
                && filter.charAt(i) != '^') {
            i++;
        }
        String attribute = filter.substring(start, i);
        i = skipSpaces(filter, i);
        boolean prefix = filter.startsWith("^=", i);
        if (!prefix && !filter.startsWith("=", i)) {
            throw unparsable();
        }
        i = skipSpaces(filter, i + (prefix ? 2 : 1));
        if (i >= filter.length() || filter.charAt(i) != '"') {
            throw unparsable();
        }
        StringBuilder value = new StringBuilder();
        for (i++; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\\' && i + 1 < filter.length()) {
                value.append(filter.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                value.append(c);
            }
        }
        if (i >= filter.length() || skipSpaces(filter, i + 1) != filter.length() || attribute.isEmpty()) {
            throw unparsable();
        }
        if (!SEARCHABLE.contains(attribute)) {
            // Unconfirmed text.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Invalid search attribute: " + attribute + ".");
        }
        return new UserFilter(attribute, prefix, value.toString());
    }

    public boolean matches(User user) {
        String actual = switch (attribute) {
            case "username" -> user.username();
            case "status" -> user.enabled() ? "Enabled" : "Disabled";
            case "cognito:user_status" -> user.status().name();
            default -> user.attributes().get(attribute);
        };
        if (actual == null) {
            return false;
        }
        if ("cognito:user_status".equals(attribute)) {
            actual = actual.toLowerCase(Locale.ROOT);
            String wanted = value.toLowerCase(Locale.ROOT);
            return prefix ? actual.startsWith(wanted) : actual.equals(wanted);
        }
        return prefix ? actual.startsWith(value) : actual.equals(value);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Cognito's text for a filter it cannot read (unconfirmed). */
    private static CognitoException unparsable() {
        return new CognitoException(ErrorCode.InvalidParameterException, "Error while parsing filter.");
    }
}
