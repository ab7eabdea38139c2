package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AttributeType;
import dev.cognitoemulator.model.MFAOptionType;
import dev.cognitoemulator.model.UserType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Users and their attributes on the wire, as the user operations (and ListUsersInGroup) give and take them. */
public final class Users {

    private Users() {
    }

    /** A user as AdminCreateUser, ListUsers and ListUsersInGroup return it; {@code only} null for every attribute. */
    public static UserType type(User user, Set<String> only) {
        return new UserType(attributes(user.attributes(), only), user.enabled(), mfaOptions(user), user.created(),
                user.lastModified(), user.status().name(), user.username());
    }

    /**
     * The legacy SMS MFA option, as GetUser, AdminGetUser and ListUsers show it; null (no key: captured, moto's
     * AWS-verified test_initiate_auth_USER_PASSWORD_AUTH) without SMS MFA.
     */
    public static List<MFAOptionType> mfaOptions(User user) {
        return user.mfa().has(MfaSettings.SMS) ? List.of(new MFAOptionType("phone_number", "SMS")) : null;
    }

    /** The user's MFA methods (UserMFASettingList); null when none. */
    public static List<String> mfaMethods(User user) {
        return user.mfa().enabled().isEmpty() ? null : user.mfa().enabled();
    }

    /** The user's values, only those named in {@code only} when it is not null. */
    public static List<AttributeType> attributes(Attributes attributes, Set<String> only) {
        List<AttributeType> list = new ArrayList<>(attributes.size());
        attributes.forEach((name, value) -> {
            if (only == null || only.contains(name)) {
                list.add(new AttributeType(name, value));
            }
        });
        return list;
    }

    /** A request's list as an ordered map (a name given twice keeps its last value). */
    public static Map<String, String> toMap(List<AttributeType> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach(a -> map.put(a.name(), a.value()));
        }
        return map;
    }
}
