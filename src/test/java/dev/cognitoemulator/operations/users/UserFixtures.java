package dev.cognitoemulator.operations.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** Small helpers the user-operation tests share. */
final class UserFixtures {

    /** A UUID as Cognito writes a sub. */
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A well-formed pool id no pool has. */
    static final String NO_POOL = "us-east-1_Nope12345";

    private UserFixtures() {
    }

    static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    static Map<String, String> asMap(List<AttributeType> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        attributes.forEach(a -> map.put(a.name(), a.value()));
        return map;
    }
}
