package dev.cognitoemulator.operations.terms;

import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.model.CreateTermsRequest;
import dev.cognitoemulator.model.CreateTermsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A terms document (terms-of-use or privacy-policy) for an app client: a link per language. */
public final class CreateTerms implements Operation<CreateTermsRequest, CreateTermsResponse> {

    @Override
    public CreateTermsResponse execute(CreateTermsRequest request, Call call) {
        TermsDocuments.checkLinks(request.links());
        String id = call.random().uuid();
        return call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            String clientId = pool.requireClient(request.clientId()).clientId();
            TermsDocuments.checkUnique(pool, clientId, request.termsName(), null);
            Terms terms = new Terms(id, clientId, request.termsName(), request.termsSource(), request.enforcement(),
                    request.links(), call.now(), call.now());
            pool.putTerms(terms);
            return new CreateTermsResponse(TermsDocuments.type(terms, poolId));
        });
    }
}
