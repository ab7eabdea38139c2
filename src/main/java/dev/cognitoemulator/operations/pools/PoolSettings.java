package dev.cognitoemulator.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool settings the emulator keeps as given (CreateUserPool and UpdateUserPool share them), with the
 * defaults AWS fills in, and the {@code UserPoolType} that DescribeUserPool and CreateUserPool return.
 */
final class PoolSettings {

    /** Members of CreateUserPool / UpdateUserPool kept as given, by wire name. */
    static final List<String> NAMES = List.of("Policies", "LambdaConfig", "SmsVerificationMessage",
            "EmailVerificationMessage", "EmailVerificationSubject", "VerificationMessageTemplate",
            "SmsAuthenticationMessage", "UserAttributeUpdateSettings", "DeviceConfiguration", "EmailConfiguration",
            "SmsConfiguration", "AdminCreateUserConfig", "UserPoolAddOns", "AccountRecoverySetting",
            "UserPoolTier", "KeyConfiguration", "IssuerConfiguration");

    private PoolSettings() {
    }

    /** The request's settings over AWS's defaults for a new pool (UpdateUserPool resets to them too). */
    static Map<String, Object> from(JsonNode request, List<String> autoVerified) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String name : NAMES) {
            JsonNode value = request.get(name);
            if (value != null && !value.isNull()) {
                settings.put(name, Json.MAPPER.convertValue(value, Object.class));
            }
        }
        Map<String, Object> passwordPolicy = Map.of("MinimumLength", 8, "RequireUppercase", true,
                "RequireLowercase", true, "RequireNumbers", true, "RequireSymbols", true,
                "TemporaryPasswordValidityDays", 7);
        Map<String, Object> policies = map(settings.get("Policies"));
        if (policies.isEmpty()) {
            policies.put("PasswordPolicy", passwordPolicy);
        } else if (policies.get("PasswordPolicy") != null) {
            Map<String, Object> given = map(policies.get("PasswordPolicy"));
            given.putIfAbsent("MinimumLength", 8);
            given.putIfAbsent("TemporaryPasswordValidityDays", 7);
            for (String flag : List.of("RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols")) {
                given.putIfAbsent(flag, false);
            }
            policies.put("PasswordPolicy", given);
        }
        policies.putIfAbsent("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD")));
        settings.put("Policies", policies);
        settings.putIfAbsent("LambdaConfig", Map.of());
        Map<String, Object> template = map(settings.get("VerificationMessageTemplate"));
        template.putIfAbsent("DefaultEmailOption", "CONFIRM_WITH_CODE");
        settings.put("VerificationMessageTemplate", template);
        Map<String, Object> updateSettings = map(settings.get("UserAttributeUpdateSettings"));
        updateSettings.putIfAbsent("AttributesRequireVerificationBeforeUpdate", List.of());
        for (Object attribute : (List<?>) updateSettings.get("AttributesRequireVerificationBeforeUpdate")) {
            if (!autoVerified.contains(String.valueOf(attribute))) {
                // Captured: ekristen/aws-nuke#477.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "All attributes in AttributesRequireVerificationBeforeUpdate must exist in "
                                + "AutoVerifiedAttributes");
            }
        }
        settings.put("UserAttributeUpdateSettings", updateSettings);
        Map<String, Object> email = map(settings.get("EmailConfiguration"));
        email.putIfAbsent("EmailSendingAccount", "COGNITO_DEFAULT");
        settings.put("EmailConfiguration", email);
        Map<String, Object> adminCreate = map(settings.get("AdminCreateUserConfig"));
        adminCreate.putIfAbsent("AllowAdminCreateUserOnly", false);
        adminCreate.putIfAbsent("UnusedAccountValidityDays", 7);
        settings.put("AdminCreateUserConfig", adminCreate);
        settings.putIfAbsent("UserPoolTier", "ESSENTIALS");
        return freeze(settings);
    }

    /** The pool as {@code UserPoolType}, members in the order AWS's documentation lists them. */
    static Map<String, Object> describe(UserPool pool, int estimatedUsers) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Id", pool.id());
        out.put("Name", pool.name());
        out.put("Policies", pool.settings().get("Policies"));
        out.put("DeletionProtection", pool.deletionProtection() ? "ACTIVE" : "INACTIVE");
        out.put("LambdaConfig", pool.settings().get("LambdaConfig"));
        out.put("LastModifiedDate", pool.lastModifiedDate());
        out.put("CreationDate", pool.creationDate());
        out.put("SchemaAttributes", pool.schema().stream().map(SchemaAttributeType::of).toList());
        putList(out, "AutoVerifiedAttributes", pool.autoVerifiedAttributes());
        putList(out, "AliasAttributes", pool.aliasAttributes());
        putList(out, "UsernameAttributes", pool.usernameAttributes());
        for (String name : List.of("SmsVerificationMessage", "EmailVerificationMessage", "EmailVerificationSubject",
                "VerificationMessageTemplate", "SmsAuthenticationMessage", "UserAttributeUpdateSettings")) {
            putIfPresent(out, name, pool.settings().get(name));
        }
        out.put("MfaConfiguration", pool.mfaConfiguration());
        putIfPresent(out, "DeviceConfiguration", pool.settings().get("DeviceConfiguration"));
        out.put("EstimatedNumberOfUsers", estimatedUsers);
        for (String name : List.of("EmailConfiguration", "SmsConfiguration")) {
            putIfPresent(out, name, pool.settings().get(name));
        }
        if (!pool.tags().isEmpty()) {
            out.put("UserPoolTags", pool.tags());
        }
        for (String name : List.of("AdminCreateUserConfig", "UserPoolAddOns")) {
            putIfPresent(out, name, pool.settings().get(name));
        }
        if (pool.caseSensitive() != null) {
            out.put("UsernameConfiguration", Map.of("CaseSensitive", pool.caseSensitive()));
        }
        out.put("Arn", pool.arn());
        for (String name : List.of("AccountRecoverySetting", "UserPoolTier", "KeyConfiguration",
                "IssuerConfiguration")) {
            putIfPresent(out, name, pool.settings().get(name));
        }
        return out;
    }

    private static void putList(Map<String, Object> out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.put(name, values);
        }
    }

    private static void putIfPresent(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    private static Map<String, Object> map(Object value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        }
        return copy;
    }

    /** A deep, immutable copy without nulls. */
    @SuppressWarnings("unchecked")
    private static <T> T freeze(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (v != null) {
                    copy.put(String.valueOf(k), freeze(v));
                }
            });
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(freeze(v)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
