package dev.cognitoemulator.signin;

/** An auth flow of InitiateAuth / AdminInitiateAuth ({@code AuthFlow}), registered by name in {@link SignIn}. */
interface AuthFlow {

    AuthResult start(Attempt attempt);

    /**
     * With the request's {@code Session} (null when it has none), which only USER_AUTH reads (ConfirmSignUp's, for
     * {@link AutoSignIn}); the other flows ignore it (unconfirmed).
     */
    default AuthResult start(Attempt attempt, String session) {
        return start(attempt);
    }
}
