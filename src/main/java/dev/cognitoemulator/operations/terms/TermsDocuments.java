package dev.cognitoemulator.operations.terms;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.Terms;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.TermsType;
import java.util.Iterator;
import java.util.Map;

/** What the terms operations share: look-ups, the rules of a document, and the answer. */
final class TermsDocuments {

    private TermsDocuments() {
    }

    static Terms require(PoolView pool, String id) {
        Terms terms = pool.terms(id);
        if (terms == null) {
            // Unconfirmed wording.
            throw new CognitoException(ErrorCode.ResourceNotFoundException, "Terms " + id + " does not exist.");
        }
        return terms;
    }

    /** A LINK document needs its links (the model leaves Links optional; unconfirmed wording). */
    static void checkLinks(Map<String, String> links) {
        if (links == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Links are required when TermsSource is LINK.");
        }
    }

    /**
     * Names are unique to the app client (documented: TermsExistsException, "Terms document names must be unique to
     * the app client"); the wording is unconfirmed.
     */
    static void checkUnique(PoolView pool, String clientId, String name, String exceptId) {
        for (Iterator<Terms> it = pool.termsAfter(null); it.hasNext();) {
            Terms other = it.next();
            if (other.clientId().equals(clientId) && other.name().equals(name) && !other.id().equals(exceptId)) {
                throw new CognitoException(ErrorCode.TermsExistsException,
                        "Terms " + name + " already exist for client " + clientId + ".");
            }
        }
    }

    static TermsType type(Terms terms, String poolId) {
        return TermsType.builder()
                .termsId(terms.id())
                .userPoolId(poolId)
                .clientId(terms.clientId())
                .termsName(terms.name())
                .termsSource(terms.source())
                .enforcement(terms.enforcement())
                .links(terms.links())
                .creationDate(terms.created())
                .lastModifiedDate(terms.modified())
                .build();
    }
}
