package dev.cognitoemulator.store;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.PoolTable;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One pool and everything in it: users with their indexes (username key, hashed for look-ups and ordered for
 * stable pagination;
 * sub; alias keys; the exact values of email and phone_number; group memberships), app clients, groups,
 * refresh grants and challenge sessions. Guarded by its own read-write lock, held by the store.
 */
final class PoolState implements PoolTable {

    private static final String[] VALUE_INDEXED = {UserLookup.EMAIL, UserLookup.PHONE};

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile UserPool pool;
    private final Map<String, User> users = new HashMap<>();
    private final TreeSet<String> order = new TreeSet<>();
    private final Map<String, String> subs = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final TreeMap<String, AppClient> clients = new TreeMap<>();
    private final TreeMap<String, Group> groups = new TreeMap<>();
    private final Map<String, TreeSet<String>> members = new HashMap<>();
    private final Map<String, RefreshGrant> grants = new HashMap<>();
    private final Map<String, String> grantsByOrigin = new HashMap<>();
    private final Map<String, Set<String>> grantsBySub = new HashMap<>();
    private final Map<String, AuthSession> sessions = new HashMap<>();

    /** The store's index of every pool's client ids (InitiateAuth names a client, not a pool). */
    private final Map<String, String> clientPools;

    PoolState(UserPool pool, Map<String, String> clientPools) {
        this.pool = pool;
        this.clientPools = clientPools;
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
        return byKeys((afterKey == null ? order : order.tailSet(afterKey, false)).iterator());
    }

    @Override
    public Iterator<User> membersAfter(String groupName, String afterKey) {
        TreeSet<String> keys = members.get(groupName);
        if (keys == null) {
            return Collections.emptyIterator();
        }
        return byKeys((afterKey == null ? keys : keys.tailSet(afterKey, false)).iterator());
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

    @Override
    public int size() {
        return users.size();
    }

    @Override
    public AppClient client(String clientId) {
        return clients.get(clientId);
    }

    @Override
    public Iterator<AppClient> clientsAfter(String afterId) {
        return (afterId == null ? clients : clients.tailMap(afterId, false)).values().iterator();
    }

    @Override
    public Group group(String groupName) {
        return groups.get(groupName);
    }

    @Override
    public Iterator<Group> groupsAfter(String afterName) {
        return (afterName == null ? groups : groups.tailMap(afterName, false)).values().iterator();
    }

    @Override
    public RefreshGrant grant(String refreshToken) {
        return grants.get(refreshToken);
    }

    @Override
    public RefreshGrant grantByOrigin(String originJti) {
        String token = grantsByOrigin.get(originJti);
        return token == null ? null : grants.get(token);
    }

    @Override
    public AuthSession session(String id) {
        return sessions.get(id);
    }

    @Override
    public void putClient(AppClient client) {
        clients.put(client.clientId(), client);
        clientPools.put(client.clientId(), pool.id());
    }

    @Override
    public void removeClient(String clientId) {
        clients.remove(clientId);
        clientPools.remove(clientId);
    }

    /** When the pool goes: its clients leave the store's index. */
    void forgetClients() {
        clients.keySet().forEach(clientPools::remove);
    }

    @Override
    public void putGroup(Group group) {
        groups.put(group.groupName(), group);
    }

    @Override
    public void removeGroup(String groupName) {
        groups.remove(groupName);
        TreeSet<String> keys = members.remove(groupName);
        if (keys != null) {
            for (String key : keys) {
                User user = users.get(key);
                List<String> kept = new ArrayList<>(user.groups());
                kept.remove(groupName);
                users.put(key, user.withGroups(kept));
            }
        }
    }

    @Override
    public void putGrant(RefreshGrant grant) {
        grants.put(grant.token(), grant);
        grantsByOrigin.put(grant.originJti(), grant.token());
        grantsBySub.computeIfAbsent(grant.sub(), k -> new HashSet<>()).add(grant.token());
    }

    @Override
    public void revokeGrants(String sub) {
        for (String token : grantsBySub.getOrDefault(sub, Set.of())) {
            grants.computeIfPresent(token, (k, grant) -> grant.revoke());
        }
    }

    @Override
    public void putSession(AuthSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public void removeSession(String id) {
        sessions.remove(id);
    }

    @Override
    public void put(User user) {
        String key = UserLookup.usernameKey(pool, user.username());
        User old = users.put(key, user);
        if (old != null) {
            unindex(key, old);
        } else {
            order.add(key);
        }
        subs.put(user.sub(), key);
        for (String group : user.groups()) {
            members.computeIfAbsent(group, g -> new TreeSet<>()).add(key);
        }
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
            order.remove(key);
            unindex(key, old);
            for (String token : grantsBySub.getOrDefault(old.sub(), Set.of())) {
                RefreshGrant grant = grants.remove(token);
                grantsByOrigin.remove(grant.originJti());
            }
            grantsBySub.remove(old.sub());
            sessions.values().removeIf(session -> session.sub().equals(old.sub()));
        }
    }

    private void unindex(String key, User old) {
        subs.remove(old.sub(), key);
        for (String group : old.groups()) {
            TreeSet<String> keys = members.get(group);
            if (keys != null && keys.remove(key) && keys.isEmpty()) {
                members.remove(group);
            }
        }
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
