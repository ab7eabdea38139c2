package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;

/** The pool's password policy, checked the way Cognito checks it, and the temporary passwords it generates. */
public final class Passwords {

    /** The prefix AdminCreateUser uses (data-dot-all/dataall#690); SignUp and ChangePassword say "policy". */
    public static final String ADMIN_PREFIX = "Password did not conform with password policy: ";
    public static final String USER_PREFIX = "Password did not conform with policy: ";

    // Cognito's special characters: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
    private static final String GENERATED = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Passwords() {
    }

    /** Throws {@code InvalidPasswordException} naming the first rule the password breaks (cognito-errors.md rule 5). */
    public static void check(PasswordPolicy policy, String password, String prefix) {
        String problem = null;
        if (password.length() < policy.minimumLength()) {
            problem = "Password not long enough";
        } else if (policy.requireUppercase() && password.chars().noneMatch(Character::isUpperCase)) {
            problem = "Password must have uppercase characters";
        } else if (policy.requireLowercase() && password.chars().noneMatch(Character::isLowerCase)) {
            problem = "Password must have lowercase characters";
        } else if (policy.requireNumbers() && password.chars().noneMatch(Character::isDigit)) {
            problem = "Password must have numeric characters";
        } else if (policy.requireSymbols() && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            problem = "Password must have symbol characters";
        }
        if (problem != null) {
            throw new CognitoException(ErrorCode.InvalidPasswordException, prefix + problem);
        }
    }

    /** A temporary password that satisfies any policy Cognito allows. */
    public static String generate(PasswordPolicy policy, Randomness random) {
        return "Aa1!" + random.string(GENERATED, Math.max(policy.minimumLength(), 12) - 4);
    }
}
