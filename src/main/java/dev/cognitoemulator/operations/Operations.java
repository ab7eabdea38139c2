package dev.cognitoemulator.operations;

import dev.cognitoemulator.operations.auth.AuthOperations;
import dev.cognitoemulator.operations.clients.CreateUserPoolClient;
import dev.cognitoemulator.operations.clients.DeleteUserPoolClient;
import dev.cognitoemulator.operations.clients.DescribeUserPoolClient;
import dev.cognitoemulator.operations.clients.ListUserPoolClients;
import dev.cognitoemulator.operations.clients.UpdateUserPoolClient;
import dev.cognitoemulator.operations.groups.AdminAddUserToGroup;
import dev.cognitoemulator.operations.groups.AdminListGroupsForUser;
import dev.cognitoemulator.operations.groups.AdminRemoveUserFromGroup;
import dev.cognitoemulator.operations.groups.CreateGroup;
import dev.cognitoemulator.operations.groups.DeleteGroup;
import dev.cognitoemulator.operations.groups.GetGroup;
import dev.cognitoemulator.operations.groups.ListGroups;
import dev.cognitoemulator.operations.groups.ListUsersInGroup;
import dev.cognitoemulator.operations.groups.UpdateGroup;
import dev.cognitoemulator.operations.pools.AddCustomAttributes;
import dev.cognitoemulator.operations.pools.CreateUserPool;
import dev.cognitoemulator.operations.pools.DeleteUserPool;
import dev.cognitoemulator.operations.pools.DescribeUserPool;
import dev.cognitoemulator.operations.pools.ListUserPools;
import dev.cognitoemulator.operations.pools.UpdateUserPool;
import dev.cognitoemulator.operations.users.AdminCreateUser;
import dev.cognitoemulator.operations.users.AdminDeleteUser;
import dev.cognitoemulator.operations.users.AdminDeleteUserAttributes;
import dev.cognitoemulator.operations.users.AdminDisableUser;
import dev.cognitoemulator.operations.users.AdminEnableUser;
import dev.cognitoemulator.operations.users.AdminGetUser;
import dev.cognitoemulator.operations.users.AdminUpdateUserAttributes;
import dev.cognitoemulator.operations.users.ListUsers;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.KeyRing;
import dev.cognitoemulator.tokens.TokenService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The operation table: every implemented operation, wired to the store. */
public final class Operations {

    private Operations() {
    }

    public static List<Operation<?>> all(UserPoolStore store, KeyRing keys, Clock clock, String accountId) {
        List<Operation<?>> all = new ArrayList<>(List.of(
                new CreateUserPool(store, clock, accountId),
                new DescribeUserPool(store),
                new UpdateUserPool(store, clock),
                new ListUserPools(store),
                new DeleteUserPool(store, keys),
                new AddCustomAttributes(store, clock),
                new AdminCreateUser(store, clock),
                new AdminGetUser(store),
                new AdminUpdateUserAttributes(store, clock),
                new AdminDeleteUserAttributes(store, clock),
                new AdminDeleteUser(store),
                new AdminEnableUser(store, clock),
                new AdminDisableUser(store, clock),
                new ListUsers(store),
                new CreateUserPoolClient(store, clock),
                new DescribeUserPoolClient(store),
                new UpdateUserPoolClient(store, clock),
                new DeleteUserPoolClient(store),
                new ListUserPoolClients(store),
                new CreateGroup(store, clock),
                new GetGroup(store),
                new UpdateGroup(store, clock),
                new DeleteGroup(store),
                new ListGroups(store),
                new AdminAddUserToGroup(store),
                new AdminRemoveUserFromGroup(store),
                new AdminListGroupsForUser(store),
                new ListUsersInGroup(store)));
        all.addAll(AuthOperations.all(store, new TokenService(keys, clock), clock));
        return List.copyOf(all);
    }
}
