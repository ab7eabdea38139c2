package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One pool and its users with their indexes: username key (ordered, for stable pagination), sub, alias keys
 * and the exact values of email and phone_number. Guarded by its own read-write lock, held by the store.
 */
final class PoolState implements UserTable {

    private static final String[] VALUE_INDEXED = {UserLookup.EMAIL, UserLookup.PHONE};

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile UserPool pool;
    private final TreeMap<String, User> users = new TreeMap<>();
    private final Map<String, String> subs = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();

    PoolState(UserPool pool) {
        this.pool = pool;
    }

    @Override
    public UserPool pool() {
        return pool;
    }

    @Override
    public void replacePool(UserPool value) {
        pool = value;
    }

    @Override
    public User byUsernameKey(String key) {
        return users.get(key);
    }

    @Override
    public User bySub(String sub) {
        String key = subs.get(sub);
        return key == null ? null : users.get(key);
    }

    @Override
    public User byAlias(String aliasKey) {
        String key = aliases.get(aliasKey);
        return key == null ? null : users.get(key);
    }

    @Override
    public List<User> byAttributeValue(String attribute, String value) {
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

    @Override
    public Iterator<User> usersAfter(String afterKey) {
        return (afterKey == null ? users : users.tailMap(afterKey, false)).values().iterator();
    }

    @Override
    public int size() {
        return users.size();
    }

    @Override
    public void put(User user) {
        String key = UserLookup.usernameKey(pool, user.username());
        User old = users.put(key, user);
        if (old != null) {
            unindex(key, old);
        }
        subs.put(user.sub(), key);
        for (String alias : UserLookup.aliasKeys(pool, user)) {
            aliases.put(alias, key);
        }
        for (String attribute : VALUE_INDEXED) {
            String value = user.attributes().get(attribute);
            if (value != null) {
                values.merge(attribute + ':' + value, key, PoolState::addKey);
            }
        }
    }

    @Override
    public void remove(User user) {
        String key = UserLookup.usernameKey(pool, user.username());
        User old = users.remove(key);
        if (old != null) {
            unindex(key, old);
        }
    }

    private void unindex(String key, User old) {
        subs.remove(old.sub(), key);
        for (String alias : UserLookup.aliasKeys(pool, old)) {
            aliases.remove(alias, key);
        }
        for (String attribute : VALUE_INDEXED) {
            String value = old.attributes().get(attribute);
            if (value != null) {
                values.computeIfPresent(attribute + ':' + value, (k, keys) -> removeKey(keys, key));
            }
        }
    }

    /** One key is kept as itself; several as a list (values are rarely shared). */
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
