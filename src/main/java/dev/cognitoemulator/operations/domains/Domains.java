package dev.cognitoemulator.operations.domains;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CustomDomainConfigType;

/** What the domain operations share: how a request's domain is read and checked, and finding a pool's domain. */
final class Domains {

    private Domains() {
    }

    /** The name's rules: a custom domain's (with a certificate) or a prefix's. */
    static void check(String domain, CustomDomainConfigType custom) {
        if (custom == null) {
            UserPoolDomain.checkPrefix(domain);
        } else {
            UserPoolDomain.checkCustom(domain);
        }
    }

    /** The pool's domain of that name; unconfirmed text where the pool has no such domain. */
    static UserPoolDomain require(PoolView pool, String domain) {
        UserPoolDomain found = pool.domain(domain);
        if (found == null) {
            // Unconfirmed: no capture of AWS's answer for a domain the pool does not have.
            throw new CognitoException(ErrorCode.InvalidParameterException, "No such domain or user pool exists.");
        }
        return found;
    }
}
