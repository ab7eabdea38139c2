package dev.cognitoemulator.signin;

/** An auth flow of InitiateAuth / AdminInitiateAuth ({@code AuthFlow}), registered by name in {@link SignIn}. */
interface AuthFlow {

    AuthResult start(Attempt attempt);
}
