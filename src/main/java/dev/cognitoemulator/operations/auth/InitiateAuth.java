package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.clients.ClientLookup;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/**
 * Client-side sign-in (no SigV4): USER_PASSWORD_AUTH when the client allows it, REFRESH_TOKEN_AUTH. The
 * pool is the client's.
 */
public final class InitiateAuth implements Operation<InitiateAuth.InitiateAuthRequest> {

    private final UserPoolStore store;
    private final Authenticator authenticator;

    InitiateAuth(UserPoolStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    public record InitiateAuthRequest(String authFlow, Map<String, String> authParameters,
            Map<String, String> clientMetadata, String clientId, String session) {
    }

    @Override
    public Class<InitiateAuthRequest> requestType() {
        return InitiateAuthRequest.class;
    }

    @Override
    public Object execute(InitiateAuthRequest request, RequestContext context) {
        return store.write(store.poolOfClient(request.clientId()), pool -> {
            AppClient client = ClientLookup.find(pool, request.clientId());
            Map<String, String> params = request.authParameters() == null ? Map.of() : request.authParameters();
            return switch (request.authFlow()) {
                case "USER_PASSWORD_AUTH" -> {
                    if (!client.allows("ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH")) {
                        // Captured: MouncefMoe/resqtap:ENABLE_USER_PASSWORD_AUTH.md.
                        throw new CognitoException(ErrorCode.InvalidParameterException,
                                "USER_PASSWORD_AUTH flow not enabled for this client");
                    }
                    yield authenticator.password(pool, client, params, context);
                }
                case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> authenticator.refresh(pool, client, params, context);
                case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
                        // Captured: awsdocs/aws-doc-sdk-examples#5289.
                        throw new CognitoException(ErrorCode.InvalidParameterException,
                                "Initiate Auth method not supported.");
                default -> throw new CognitoException(ErrorCode.NotImplementedException,
                        "The " + request.authFlow() + " flow is not implemented by cognito-emulator yet.");
            };
        });
    }
}
