package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact, immutable attribute list users keep. */
class AttributesTest {

    private static Attributes of(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return Attributes.of(values);
    }

    @Test
    void keepsFirstSetOrderAndReplacesInPlace() {
        Attributes a = of("sub", "s", "email", "e", "name", "n");

        Attributes changed = a.with("email", "e2").with("zoneinfo", "z");

        assertThat(changed.asMap()).containsExactly(Map.entry("sub", "s"), Map.entry("email", "e2"),
                Map.entry("name", "n"), Map.entry("zoneinfo", "z"));
        assertThat(a.get("email")).as("unchanged original").isEqualTo("e");
    }

    @Test
    void withoutRemovesNamesAndReturnsItselfWhenNothingIsRemoved() {
        Attributes a = of("sub", "s", "email", "e");

        assertThat(a.without(List.of("nickname"))).isSameAs(a);
        assertThat(a.without(List.of("email")).asMap()).containsExactly(Map.entry("sub", "s"));
    }

    @Test
    void aMapOfChangesReplacesInPlaceAndAppendsNewNamesInItsOrder() {
        Attributes a = of("sub", "s", "email", "e", "name", "n");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("zoneinfo", "z");
        changes.put("email", "e2");
        changes.put("locale", "l");

        assertThat(a.with(changes).asMap()).containsExactly(Map.entry("sub", "s"), Map.entry("email", "e2"),
                Map.entry("name", "n"), Map.entry("zoneinfo", "z"), Map.entry("locale", "l"));
    }

    @Test
    void withoutKeepsTheOrderOfWhatRemains() {
        Attributes a = of("sub", "s", "email", "e", "name", "n", "locale", "l");

        assertThat(a.without(List.of("locale", "email", "absent")).asMap())
                .containsExactly(Map.entry("sub", "s"), Map.entry("name", "n"));
        assertThat(a.without(List.of("sub", "email", "name", "locale"))).isEqualTo(Attributes.EMPTY);
    }

    @Test
    void settingTheSameValueReturnsItself() {
        Attributes a = of("sub", "s");

        assertThat(a.with("sub", "s")).isSameAs(a);
        assertThat(a.with(Map.of())).isSameAs(a);
    }

    @Test
    void equalityIsByNamesAndValuesInOrder() {
        assertThat(of("a", "1", "b", "2")).isEqualTo(of("a", "1", "b", "2")).hasSameHashCodeAs(of("a", "1", "b", "2"));
        assertThat(of("a", "1", "b", "2")).isNotEqualTo(of("b", "2", "a", "1"));
    }
}
