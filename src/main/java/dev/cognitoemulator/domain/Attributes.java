package dev.cognitoemulator.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A user's attribute values: immutable, in the order they were first set, held in two small arrays (a pool
 * may hold millions of users). Changes return a new instance.
 */
public final class Attributes {

    public static final Attributes EMPTY = new Attributes(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Attributes(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    public static Attributes of(Map<String, String> values) {
        return fromMap(values);
    }

    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public int size() {
        return names.length;
    }

    /** Sets every entry; an existing name keeps its place. */
    public Attributes with(Map<String, String> changes) {
        Attributes result = this;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            result = result.with(change.getKey(), change.getValue());
        }
        return result;
    }

    public Attributes with(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            if (values[i].equals(value)) {
                return this;
            }
            String[] v = values.clone();
            v[i] = value;
            return new Attributes(names, v);
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name.intern();
        v[values.length] = value;
        return new Attributes(n, v);
    }

    public Attributes without(Collection<String> removed) {
        int kept = 0;
        for (String name : names) {
            kept += removed.contains(name) ? 0 : 1;
        }
        if (kept == names.length) {
            return this;
        }
        // The names kept are the (interned) instances already held.
        String[] n = new String[kept];
        String[] v = new String[kept];
        for (int i = 0, j = 0; i < names.length; i++) {
            if (!removed.contains(names[i])) {
                n[j] = names[i];
                v[j++] = values[i];
            }
        }
        return new Attributes(n, v);
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** A fresh, ordered, mutable copy. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    private static Attributes fromMap(Map<String, String> map) {
        String[] n = new String[map.size()];
        String[] v = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            n[i] = e.getKey().intern();
            v[i++] = e.getValue();
        }
        return new Attributes(n, v);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes a && Arrays.equals(names, a.names) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
