package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.OAuthScopes;
import dev.cognitoemulator.domain.ResourceQuotas;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateUserPoolClientRequest;
import dev.cognitoemulator.model.CreateUserPoolClientResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Creates an app client: id of 26 lowercase letters and digits, a secret when {@code GenerateSecret} is true
 * (or the {@code ClientSecret} given), AWS's defaults for auth flows and token validity; its OAuth scopes are
 * standard ones or its pool's resource servers'.
 */
public final class CreateUserPoolClient
        implements Operation<CreateUserPoolClientRequest, CreateUserPoolClientResponse> {

    @Override
    public CreateUserPoolClientResponse execute(CreateUserPoolClientRequest request, Call call) {
        if (request.clientSecret() != null && Boolean.TRUE.equals(request.generateSecret())) {
            // Documented: API reference, CreateUserPoolClient ("cannot specify both"); the text is unconfirmed.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "GenerateSecret cannot be true when a ClientSecret is given.");
        }
        String secret = request.clientSecret() != null ? request.clientSecret()
                : Boolean.TRUE.equals(request.generateSecret()) ? Ids.clientSecret(call.random()) : null;
        AppClient client = call.write(request.userPoolId(), pool -> {
            OAuthScopes.requireKnown(pool, request.allowedOAuthScopes());
            ResourceQuotas.oneMoreClient(pool);
            String id;
            do {
                id = Ids.clientId(call.random());
            } while (pool.client(id) != null);
            AppClient created = Clients.created(request, pool.pool(), id, secret, call.now());
            pool.putClient(created);
            return created;
        });
        return new CreateUserPoolClientResponse(Clients.describe(client));
    }
}
