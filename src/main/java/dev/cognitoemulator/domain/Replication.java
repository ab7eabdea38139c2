package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.Set;

/**
 * Multi-Region replication's rules (documented: developer guide, "Multi-Region replication for user pools"): a pool
 * is served in the region of its id (the primary) and in the region of its secondary replica, if any; elsewhere it
 * does not exist. The primary is the authoritative source of settings and of the user directory, so in the
 * secondary region an administrator reads (Describe, Get, List), sets the replica's status and, while the replica
 * is ACTIVE, signs users in; every other operation is the primary's.
 */
public final class Replication {

    /** Each pool has at most one secondary replica (documented). */
    public static final int MAX_SECONDARIES = 1;

    /** What serves end users in a secondary region, and so needs the replica ACTIVE. */
    private static final Set<String> END_USER = Set.of("AdminInitiateAuth", "AdminRespondToAuthChallenge",
            "AdminUserGlobalSignOut");

    /** Writes whose model declares no OperationNotEnabledException: refused as InvalidParameterException. */
    private static final Set<String> UNDECLARED = Set.of("AddUserPoolClientSecret", "CreateIdentityProvider",
            "DeleteIdentityProvider", "DeleteUserPoolClientSecret", "SetLogDeliveryConfiguration",
            "UpdateIdentityProvider");

    private Replication() {
    }

    /** The role of the pool in {@code region}: PRIMARY in the region of its id. */
    public static boolean primaryIn(String poolId, String region) {
        return Ids.region(poolId).equals(region);
    }

    /**
     * Admits an operation on the pool from a region other than its primary's: the pool must have a replica there
     * (else it does not exist in that region) and the operation must be one a secondary serves. Texts unconfirmed;
     * the code is the model's (OperationNotEnabledException: "operations that are not supported in secondary
     * replica regions").
     */
    public static void admitSecondary(PoolView pool, String region, String operation) {
        Replica replica = pool.replica(region);
        if (replica == null) {
            throw NotFound.pool(pool.pool().id());
        }
        boolean reads = operation.startsWith("Describe") || operation.startsWith("Get")
                || operation.startsWith("List") || operation.startsWith("AdminGet")
                || operation.startsWith("AdminList");
        if (!reads && !END_USER.contains(operation) && !operation.equals("UpdateUserPoolReplica")) {
            throw new CognitoException(UNDECLARED.contains(operation) ? ErrorCode.InvalidParameterException
                    : ErrorCode.OperationNotEnabledException, operation
                    + " is not available in the secondary region " + region + " of user pool " + pool.pool().id()
                    + "; call it in the primary region " + Ids.region(pool.pool().id()) + ".");
        }
        if (END_USER.contains(operation) && !Replica.ACTIVE.equals(replica.status())) {
            throw new CognitoException(ErrorCode.OperationNotEnabledException, "The replica of user pool "
                    + pool.pool().id() + " in " + region + " is INACTIVE and does not accept requests for end users.");
        }
    }
}
