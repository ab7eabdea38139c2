package dev.cognitoemulator.operations.resourceservers;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.ResourceServerScopeType;
import dev.cognitoemulator.model.ResourceServerType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resource servers on the wire, and what their operations share. */
final class ResourceServers {

    private ResourceServers() {
    }

    static ResourceServerType type(ResourceServer server) {
        return ResourceServerType.builder().userPoolId(server.userPoolId()).identifier(server.identifier())
                .name(server.name()).scopes(server.scopes()).build();
    }

    /** The scopes given (none when left out), each name once (text unconfirmed). */
    static List<ResourceServerScopeType> scopes(List<ResourceServerScopeType> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        for (ResourceServerScopeType scope : given) {
            if (!names.add(scope.scopeName())) {
                // Unconfirmed: no capture of AWS's text for a scope name given twice.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "Scope name " + scope.scopeName() + " is given more than once.");
            }
        }
        return given;
    }

    static ResourceServer require(PoolView pool, String identifier) {
        ResourceServer server = pool.resourceServer(identifier);
        if (server == null) {
            // Unconfirmed: no capture of AWS's text for an unknown resource server.
            throw new CognitoException(ErrorCode.ResourceNotFoundException,
                    "Resource server " + identifier + " does not exist.");
        }
        return server;
    }
}
