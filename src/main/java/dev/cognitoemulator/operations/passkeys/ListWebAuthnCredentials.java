package dev.cognitoemulator.operations.passkeys;

import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.model.ListWebAuthnCredentialsRequest;
import dev.cognitoemulator.model.ListWebAuthnCredentialsResponse;
import dev.cognitoemulator.model.WebAuthnCredentialDescription;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The signed-in user's passkeys, by access token, a page at a time in a stable order (by credential id). */
public final class ListWebAuthnCredentials
        implements Operation<ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse> {

    @Override
    public ListWebAuthnCredentialsResponse execute(ListWebAuthnCredentialsRequest request, Call call) {
        Pager.Page<WebAuthnCredentialDescription> page = AccessTokens.readCaller(call, request.accessToken(),
                (pool, caller) -> Pager.page(call, WebAuthnCredentials.LIST, request.maxResults(), request.nextToken(),
                        pool.pool().id() + "\n" + caller.user().sub(),
                        after -> pool.webAuthnCredentialsAfter(caller.user().sub(), after),
                        WebAuthnCredential::credentialId, WebAuthnCredentials::description));
        return new ListWebAuthnCredentialsResponse(page.items(), page.nextToken());
    }
}
