package dev.cognitoemulator.signin;

/** The answer to a challenge ({@code ChallengeName}) of RespondToAuthChallenge, registered by name in {@link SignIn}. */
interface ChallengeHandler {

    String name();

    AuthResult respond(Attempt attempt, String sessionId);
}
