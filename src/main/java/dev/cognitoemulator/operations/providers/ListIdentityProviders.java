package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.model.ListIdentityProvidersRequest;
import dev.cognitoemulator.model.ListIdentityProvidersResponse;
import dev.cognitoemulator.model.ProviderDescription;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's identity providers (name, type, dates) in a stable order (by name), at most 60 a page. */
public final class ListIdentityProviders
        implements Operation<ListIdentityProvidersRequest, ListIdentityProvidersResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListIdentityProviders", 60, 60);

    @Override
    public ListIdentityProvidersResponse execute(ListIdentityProvidersRequest request, Call call) {
        Pager.Page<ProviderDescription> page = call.read(request.userPoolId(), pool -> Pager.page(call, LIMITS,
                request.maxResults(), request.nextToken(), pool.pool().id(), pool::identityProvidersAfter,
                IdentityProvider::name, Providers::description));
        return new ListIdentityProvidersResponse(page.nextToken(), page.items());
    }
}
