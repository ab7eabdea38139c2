package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.clients.ClientLookup;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/** Server-side sign-in (SigV4): ADMIN_USER_PASSWORD_AUTH when the client allows it, REFRESH_TOKEN_AUTH. */
public final class AdminInitiateAuth implements Operation<AdminInitiateAuth.AdminInitiateAuthRequest> {

    private final UserPoolStore store;
    private final Authenticator authenticator;

    AdminInitiateAuth(UserPoolStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    public record AdminInitiateAuthRequest(String userPoolId, String clientId, String authFlow,
            Map<String, String> authParameters, Map<String, String> clientMetadata, String session) {
    }

    @Override
    public Class<AdminInitiateAuthRequest> requestType() {
        return AdminInitiateAuthRequest.class;
    }

    @Override
    public Object execute(AdminInitiateAuthRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            AppClient client = ClientLookup.find(pool, request.clientId());
            Map<String, String> params = request.authParameters() == null ? Map.of() : request.authParameters();
            return switch (request.authFlow()) {
                case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> {
                    if (!client.allows("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")) {
                        // Captured: williamoconnellpmp-source/vdc-prod-deployment:FIX-AUTH-FLOW-ERROR.md.
                        throw new CognitoException(ErrorCode.InvalidParameterException,
                                "Auth flow not enabled for this client");
                    }
                    yield authenticator.password(pool, client, params, context);
                }
                case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> authenticator.refresh(pool, client, params, context);
                case "USER_PASSWORD_AUTH" ->
                        // Captured: soto-project/soto-cognito-authentication-kit#10.
                        throw new CognitoException(ErrorCode.InvalidParameterException,
                                "Initiate Auth method not supported.");
                default -> throw new CognitoException(ErrorCode.NotImplementedException,
                        "The " + request.authFlow() + " flow is not implemented by cognito-emulator yet.");
            };
        });
    }
}
