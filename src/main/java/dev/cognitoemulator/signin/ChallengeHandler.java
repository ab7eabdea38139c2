package dev.cognitoemulator.signin;

/** The answer to a challenge ({@code ChallengeName}) of RespondToAuthChallenge, registered in {@link SignIn}. */
interface ChallengeHandler {

    String name();

    AuthResult respond(Attempt attempt, String sessionId);
}
