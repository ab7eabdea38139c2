package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A pool's users and their indexes: by username key (hashed for look-ups, ordered for stable pagination), by
 * {@code sub}, by alias key, by the exact value of email and phone_number, and group memberships.
 */
final class UserTable {

    private static final String[] VALUE_INDEXED = {UserLookup.EMAIL, UserLookup.PHONE};

    /** The pool as it is now: its alias rules and case sensitivity make the keys. */
    private final Supplier<UserPool> pool;
    private final Map<String, User> users = new HashMap<>();
    private final TreeSet<String> order = new TreeSet<>();
    private final Map<String, String> subs = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    /** Per value, one key as itself or several as a list (values are rarely shared). */
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, TreeSet<String>> members = new HashMap<>();

    UserTable(Supplier<UserPool> pool) {
        this.pool = pool;
    }

    User byKey(String key) {
        return users.get(key);
    }

    User bySub(String sub) {
        String key = subs.get(sub);
        return key == null ? null : users.get(key);
    }

    User byAlias(String aliasKey) {
        String key = aliases.get(aliasKey);
        return key == null ? null : users.get(key);
    }

    List<User> byValue(String attribute, String value) {
        Object keys = values.get(attribute + ':' + value);
        if (keys == null) {
            return List.of();
        }
        if (keys instanceof String key) {
            return List.of(users.get(key));
        }
        List<User> found = new ArrayList<>();
        for (Object key : (List<?>) keys) {
            found.add(users.get((String) key));
        }
        return found;
    }

    Iterator<User> after(String afterKey) {
        return byKeys((afterKey == null ? order : order.tailSet(afterKey, false)).iterator());
    }

    Iterator<User> membersAfter(String groupName, String afterKey) {
        TreeSet<String> keys = members.get(groupName);
        if (keys == null) {
            return Collections.emptyIterator();
        }
        return byKeys((afterKey == null ? keys : keys.tailSet(afterKey, false)).iterator());
    }

    int size() {
        return users.size();
    }

    void put(User user) {
        UserPool p = pool.get();
        String key = UserLookup.usernameKey(p, user.username());
        User old = users.put(key, user);
        if (old != null) {
            unindex(p, key, old);
        } else {
            order.add(key);
        }
        subs.put(user.sub(), key);
        for (String group : user.groups()) {
            members.computeIfAbsent(group, g -> new TreeSet<>()).add(key);
        }
        for (String alias : UserLookup.aliasKeys(p, user)) {
            aliases.put(alias, key);
        }
        for (String attribute : VALUE_INDEXED) {
            String value = user.attributes().get(attribute);
            if (value != null) {
                values.merge(attribute + ':' + value, key, UserTable::addKey);
            }
        }
    }

    /** The user removed, or null when there was none of that username. */
    User remove(User user) {
        UserPool p = pool.get();
        String key = UserLookup.usernameKey(p, user.username());
        User old = users.remove(key);
        if (old != null) {
            order.remove(key);
            unindex(p, key, old);
        }
        return old;
    }

    /** Takes every member out of the group. */
    void removeGroup(String groupName) {
        TreeSet<String> keys = members.remove(groupName);
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            User user = users.get(key);
            List<String> kept = new ArrayList<>(user.groups());
            kept.remove(groupName);
            users.put(key, user.withGroups(kept));
        }
    }

    private Iterator<User> byKeys(Iterator<String> keys) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public User next() {
                return users.get(keys.next());
            }
        };
    }

    private void unindex(UserPool p, String key, User old) {
        subs.remove(old.sub(), key);
        for (String group : old.groups()) {
            TreeSet<String> keys = members.get(group);
            if (keys != null && keys.remove(key) && keys.isEmpty()) {
                members.remove(group);
            }
        }
        for (String alias : UserLookup.aliasKeys(p, old)) {
            aliases.remove(alias, key);
        }
        for (String attribute : VALUE_INDEXED) {
            String value = old.attributes().get(attribute);
            if (value != null) {
                values.computeIfPresent(attribute + ':' + value, (k, keys) -> removeKey(keys, key));
            }
        }
    }

    private static Object addKey(Object existing, Object added) {
        List<Object> keys = new ArrayList<>(2);
        if (existing instanceof List<?> list) {
            keys.addAll(list);
        } else {
            keys.add(existing);
        }
        keys.add(added);
        return keys;
    }

    private static Object removeKey(Object keys, String key) {
        if (keys instanceof String single) {
            return single.equals(key) ? null : single;
        }
        List<Object> rest = new ArrayList<>((List<?>) keys);
        rest.remove(key);
        return rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0) : rest;
    }
}
