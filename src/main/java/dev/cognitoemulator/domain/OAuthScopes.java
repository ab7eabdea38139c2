package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.List;
import java.util.Set;

/** The OAuth scopes a pool knows: Cognito's standard ones and those its resource servers define. */
public final class OAuthScopes {

    /**
     * Documented: developer guide, authorization endpoint (the API reference's older "Cognito" is refused: captured,
     * awsdocs/aws-cloudformation-user-guide#564).
     */
    public static final Set<String> STANDARD = Set.of("phone", "email", "openid", "profile",
            "aws.cognito.signin.user.admin");

    private OAuthScopes() {
    }

    /** Every scope is standard or a resource server's; the first that is neither is refused. */
    public static void requireKnown(PoolView pool, List<String> scopes) {
        if (scopes == null) {
            return;
        }
        for (String scope : scopes) {
            if (!STANDARD.contains(scope) && !definedByAServer(pool, scope)) {
                // Captured: awsdocs/aws-cloudformation-user-guide#564 ("Invalid scope requested: Cognito").
                throw new CognitoException(ErrorCode.ScopeDoesNotExistException, "Invalid scope requested: " + scope);
            }
        }
    }

    private static boolean definedByAServer(PoolView pool, String scope) {
        int slash = scope.lastIndexOf('/');
        if (slash <= 0) {
            return false;
        }
        ResourceServer server = pool.resourceServer(scope.substring(0, slash));
        return server != null && server.defines(scope);
    }
}
