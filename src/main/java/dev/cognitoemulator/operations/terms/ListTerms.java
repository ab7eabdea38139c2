package dev.cognitoemulator.operations.terms;

import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.model.ListTermsRequest;
import dev.cognitoemulator.model.ListTermsResponse;
import dev.cognitoemulator.model.TermsDescriptionType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's terms documents, a page at a time in a stable order (by id). */
public final class ListTerms implements Operation<ListTermsRequest, ListTermsResponse> {

    /** The model's MaxResults range is 1–60; the default page size is unconfirmed (the maximum here). */
    private static final Pager.Limits LIMITS = new Pager.Limits("ListTerms", 60, 60);

    @Override
    public ListTermsResponse execute(ListTermsRequest request, Call call) {
        Pager.Page<TermsDescriptionType> page = call.read(request.userPoolId(), pool -> Pager.page(call, LIMITS,
                request.maxResults(), request.nextToken(), pool.pool().id(), pool::termsAfter, Terms::id,
                terms -> new TermsDescriptionType(terms.created(), terms.enforcement(), terms.modified(), terms.id(),
                        terms.name())));
        return new ListTermsResponse(page.nextToken(), page.items());
    }
}
