package dev.cognitoemulator.imports;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserImportJob.Outcome;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.Usernames;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.model.UserPoolMfaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What becomes of one line of an import file: a new user in {@code RESET_REQUIRED} without a password (documented:
 * "Your users are in a RESET_REQUIRED state when imported"), or the reason it was skipped or failed. The rules are the
 * documented ones ("Formatting the CSV file"): {@code cognito:username} and {@code cognito:mfa_enabled} are required,
 * the latter {@code true} when the pool's MFA is {@code ON} and {@code false} when it is {@code OFF}; at least one of
 * the pool's auto-verified attributes is verified, and a verified one has a value; the pool's required attributes
 * and schema are respected as at sign-up. A username the pool has is skipped. The reasons' wording is unconfirmed
 * (Cognito writes them to CloudWatch Logs, not to the API).
 */
final class ImportLine {

    /** The user to put ({@code IMPORTED}), or why not. */
    record Result(Outcome outcome, User user, String reason) {

        static Result failed(String reason) {
            return new Result(Outcome.FAILED, null, reason);
        }
    }

    private ImportLine() {
    }

    static Result read(PoolView users, List<String> header, CsvFile.Line line, String sub, Instant now) {
        UserPool pool = users.pool();
        List<String> fields = line.fields();
        if (fields.size() != header.size()) {
            return Result.failed("The line has " + fields.size() + " values; the header has " + header.size()
                    + " columns.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                values.put(header.get(i), fields.get(i));
            }
        }
        String username = values.remove(CsvHeader.USERNAME);
        if (username == null) {
            return Result.failed("The value of " + CsvHeader.USERNAME + " is missing.");
        }
        if (username.chars().anyMatch(Character::isWhitespace)) {
            return Result.failed("The value of " + CsvHeader.USERNAME + " contains white space.");
        }
        Boolean mfa = flag(values.remove(CsvHeader.MFA_ENABLED));
        if (mfa == null) {
            return Result.failed("The value of " + CsvHeader.MFA_ENABLED + " must be true or false.");
        }
        String mode = pool.settings().mfaConfiguration();
        if (UserPoolMfaType.ON.equals(mode) && !mfa || UserPoolMfaType.OFF.equals(mode) && mfa) {
            return Result.failed("The value of " + CsvHeader.MFA_ENABLED + " must be " + !mfa
                    + " in a user pool whose MFA is " + mode + ".");
        }
        String problem = verification(pool, values);
        if (problem != null) {
            return Result.failed(problem);
        }
        try {
            Usernames.Identity identity = Usernames.identify(pool, username, values, sub);
            if (users.byUsernameKey(UserLookup.usernameKey(pool, identity.username())) != null) {
                return new Result(Outcome.SKIPPED, null, "A user with the username " + username + " exists.");
            }
            AttributeRules.forSignUp(pool, identity.values());
            Map<String, String> all = new LinkedHashMap<>();
            all.put("sub", identity.sub());
            all.putAll(identity.values());
            User user = new User(identity.username(), identity.sub(), Attributes.of(all), UserStatus.RESET_REQUIRED,
                    true, now, now, null, List.of(), mfa ? MfaSettings.NONE.withSms(true) : MfaSettings.NONE);
            UserLookup.AliasConflict conflict = UserLookup.aliasConflict(users, user);
            if (conflict != null) {
                return Result.failed(conflict.message());
            }
            return new Result(Outcome.IMPORTED, user, null);
        } catch (CognitoException e) {
            return Result.failed(e.getMessage());
        }
    }

    /**
     * The {@code *_verified} values as Cognito stores them ({@code true}, {@code false}), checked: one of the pool's
     * auto-verified attributes must be verified (documented: "At least one of the auto-verified attributes must be
     * true for each user"), and a verified attribute needs its value.
     */
    private static String verification(UserPool pool, Map<String, String> values) {
        boolean anyVerified = false;
        for (String attribute : List.of(UserLookup.EMAIL, UserLookup.PHONE)) {
            String name = attribute + "_verified";
            if (values.containsKey(name)) {
                Boolean verified = flag(values.get(name));
                if (verified == null) {
                    return "The value of " + name + " must be true or false.";
                }
                values.put(name, verified.toString());
                if (verified && !values.containsKey(attribute)) {
                    return name + " is true but " + attribute + " has no value.";
                }
                anyVerified |= verified && pool.settings().autoVerifiedAttributes().contains(attribute);
            }
        }
        return anyVerified ? null : "The User Record does not set any of the auto verified attributes to true. "
                + "(Example: email_verified to true).";
    }

    /** {@code true} or {@code false}, in any case; null for anything else (or nothing). */
    private static Boolean flag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
