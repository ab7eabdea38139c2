package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.domain.ManagedLoginBranding;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateManagedLoginBrandingRequest;
import dev.cognitoemulator.model.CreateManagedLoginBrandingResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.time.Instant;
import java.util.List;

/** A managed login style for an app client: Cognito's defaults or the given settings and assets; one per client. */
public final class CreateManagedLoginBranding
        implements Operation<CreateManagedLoginBrandingRequest, CreateManagedLoginBrandingResponse> {

    @Override
    public CreateManagedLoginBrandingResponse execute(CreateManagedLoginBrandingRequest request, Call call) {
        Brandings.checkSource(request.useCognitoProvidedValues(), request.settings(), request.assets(), true);
        String id = call.random().uuid();
        Instant now = call.now();
        return call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            String clientId = pool.requireClient(request.clientId()).clientId();
            if (pool.managedLoginBrandingOfClient(clientId) != null) {
                // Unconfirmed wording (the exception is the model's: "an app client that already has an assigned
                // style").
                throw new CognitoException(ErrorCode.ManagedLoginBrandingExistsException,
                        "Managed login branding already exists for client " + clientId + ".");
            }
            boolean defaults = Boolean.TRUE.equals(request.useCognitoProvidedValues());
            ManagedLoginBranding branding = new ManagedLoginBranding(id, clientId, defaults, request.settings(),
                    Brandings.merge(List.of(), request.assets()), now, now);
            pool.putManagedLoginBranding(branding);
            return new CreateManagedLoginBrandingResponse(Brandings.type(branding, poolId));
        });
    }
}
