package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A name and value on the wire. */
public record AttributeType(String name, String value) {

    /** A request's list as an ordered map (a name given twice keeps its last value). */
    static Map<String, String> toMap(List<AttributeType> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach(a -> map.put(a.name(), a.value()));
        }
        return map;
    }

    static List<AttributeType> of(User user) {
        return of(user.attributes(), null);
    }

    /** The user's values, only those named in {@code only} when it is not null. */
    static List<AttributeType> of(Attributes attributes, Set<String> only) {
        List<AttributeType> list = new ArrayList<>(attributes.size());
        attributes.forEach((name, value) -> {
            if (only == null || only.contains(name)) {
                list.add(new AttributeType(name, value));
            }
        });
        return list;
    }
}
