package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.AuthenticationResultType;
import dev.cognitoemulator.signin.AuthResult;

/** A sign-in step's outcome on the wire: its tokens as {@code AuthenticationResultType}. */
final class AuthResults {

    private AuthResults() {
    }

    static AuthenticationResultType tokens(AuthResult result) {
        AuthResult.Tokens t = result.tokens();
        return t == null ? null : AuthenticationResultType.builder().accessToken(t.accessToken())
                .expiresIn(t.expiresIn()).tokenType(t.tokenType()).refreshToken(t.refreshToken()).idToken(t.idToken())
                .build();
    }
}
