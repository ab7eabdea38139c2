package dev.cognitoemulator.domain;

import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The pool's password policy, and how passwords are kept (salted SHA-256: an emulator needs no slow hash,
 * but keeps no plain text either).
 */
public final class Passwords {

    /** The prefix AdminCreateUser uses (data-dot-all/dataall#690); SignUp and ChangePassword say "policy". */
    public static final String ADMIN_PREFIX = "Password did not conform with password policy: ";
    public static final String USER_PREFIX = "Password did not conform with policy: ";

    // Cognito's special characters: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Throws {@code InvalidPasswordException} naming the first rule the password breaks. */
    public static void check(UserPool pool, String password, String prefix) {
        Map<?, ?> policy = policy(pool);
        int minimum = intSetting(policy, "MinimumLength", 8);
        String problem = null;
        if (password.length() < minimum) {
            problem = "Password not long enough";
        } else if (flag(policy, "RequireUppercase") && password.chars().noneMatch(Character::isUpperCase)) {
            problem = "Password must have uppercase characters";
        } else if (flag(policy, "RequireLowercase") && password.chars().noneMatch(Character::isLowerCase)) {
            problem = "Password must have lowercase characters";
        } else if (flag(policy, "RequireNumbers") && password.chars().noneMatch(Character::isDigit)) {
            problem = "Password must have numeric characters";
        } else if (flag(policy, "RequireSymbols") && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            problem = "Password must have symbol characters";
        }
        if (problem != null) {
            throw new CognitoException(ErrorCode.InvalidPasswordException, prefix + problem);
        }
    }

    /** How long a temporary password stays valid (the policy's TemporaryPasswordValidityDays, 7 by default). */
    public static int temporaryValidityDays(UserPool pool) {
        return intSetting(policy(pool), "TemporaryPasswordValidityDays", 7);
    }

    /** A temporary password that satisfies any policy Cognito allows. */
    public static String generate(UserPool pool) {
        int length = Math.max(intSetting(policy(pool), "MinimumLength", 8), 12);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder("Aa1!");
        while (sb.length() < length) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt) + '$' + digest(salt, password);
    }

    public static boolean matches(String hash, String password) {
        if (hash == null) {
            return false;
        }
        int sep = hash.indexOf('$');
        byte[] salt = Base64.getDecoder().decode(hash.substring(0, sep));
        return MessageDigest.isEqual(hash.substring(sep + 1).getBytes(StandardCharsets.US_ASCII),
                digest(salt, password).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return Base64.getEncoder().encodeToString(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> policy(UserPool pool) {
        if (pool.settings().get("Policies") instanceof Map<?, ?> policies
                && policies.get("PasswordPolicy") instanceof Map<?, ?> passwordPolicy) {
            return passwordPolicy;
        }
        return Map.of();
    }

    private static int intSetting(Map<?, ?> policy, String name, int fallback) {
        return policy.get(name) instanceof Number n ? n.intValue() : fallback;
    }

    private static boolean flag(Map<?, ?> policy, String name) {
        return Boolean.TRUE.equals(policy.get(name));
    }
}
