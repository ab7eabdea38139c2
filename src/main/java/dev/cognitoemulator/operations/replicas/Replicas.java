package dev.cognitoemulator.operations.replicas;

import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.Replica;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UserPoolReplicaType;
import dev.cognitoemulator.protocol.Call;
import java.util.regex.Pattern;

/** Replicas on the wire, and what their operations share. Texts unconfirmed. */
final class Replicas {

    /** A region's name: {@code eu-west-1}, {@code us-gov-west-1}, {@code ap-southeast-2}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private Replicas() {
    }

    /** The pool's primary (the region of its id), as ListUserPoolReplicas lists it. */
    static UserPoolReplicaType primary(String poolId, Call call) {
        return type(poolId, Ids.region(poolId), Replica.ACTIVE, "PRIMARY", call);
    }

    static UserPoolReplicaType secondary(String poolId, Replica replica, String status, Call call) {
        return type(poolId, replica.region(), status, "SECONDARY", call);
    }

    private static UserPoolReplicaType type(String poolId, String region, String status, String role, Call call) {
        return UserPoolReplicaType.builder().regionName(region).status(status).role(role)
                .userPoolArn("arn:aws:cognito-idp:" + region + ":" + call.services().accountId() + ":userpool/"
                        + poolId)
                .build();
    }

    static String region(String name) {
        if (!REGION.matcher(name).matches()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid region name " + name + ".");
        }
        return name;
    }

    /** The pool's secondary replica in the region; the primary's region is not one. */
    static Replica requireSecondary(PoolView pool, String region) {
        if (Ids.region(pool.pool().id()).equals(region)) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    region + " is the primary region of user pool " + pool.pool().id() + ".");
        }
        Replica replica = pool.replica(region);
        if (replica == null) {
            throw new CognitoException(ErrorCode.ResourceNotFoundException,
                    "User pool " + pool.pool().id() + " has no replica in " + region + ".");
        }
        return replica;
    }
}
