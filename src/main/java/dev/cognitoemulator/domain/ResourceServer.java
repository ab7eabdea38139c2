package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.ResourceServerScopeType;
import java.util.List;

/**
 * A pool's resource server: an API its clients ask access tokens for, and the scopes it defines (each asked for
 * as {@code <identifier>/<scope name>}).
 */
public record ResourceServer(String identifier, String userPoolId, String name, List<ResourceServerScopeType> scopes) {

    /** Documented: developer guide, quotas ("Resource servers per user pool": 25, not adjustable). */
    public static final int MAX_PER_POOL = 25;

    public ResourceServer {
        scopes = List.copyOf(scopes);
    }

    /** Whether {@code scope} ({@code <identifier>/<name>}) is one of this server's. */
    public boolean defines(String scope) {
        if (!scope.startsWith(identifier + "/")) {
            return false;
        }
        String name = scope.substring(identifier.length() + 1);
        return scopes.stream().anyMatch(s -> s.scopeName().equals(name));
    }
}
