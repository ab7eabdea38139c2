package dev.cognitoemulator.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ChallengeResult;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The three triggers of a custom sign-in (CUSTOM_AUTH), called through {@link Lambdas} with the events the developer
 * guide documents ("Define Auth challenge", "Create Auth challenge", "Verify Auth challenge response" Lambda
 * triggers): each carries {@code userAttributes} (empty for a user who does not exist), {@code clientMetadata}, and
 * {@code userNotFound} when the client hides which users exist (PreventUserExistenceErrors ENABLED, "this boolean is
 * populated when PreventUserExistenceErrors is set to ENABLED"). Their answers come back typed; a field of the wrong
 * type is "Unrecognizable lambda output".
 */
public final class AuthChallenges {

    /** DefineAuthChallenge's answer: the next challenge's name (null for none), or tokens, or the end. */
    public record Definition(String challengeName, boolean issueTokens, boolean failAuthentication) {
    }

    /**
     * CreateAuthChallenge's answer: the parameters the client sees ({@code publicChallengeParameters}), those kept for
     * VerifyAuthChallengeResponse ({@code privateChallengeParameters}), and the challenge's name for the session
     * array ({@code challengeMetadata}, null for none).
     */
    public record Challenge(Map<String, String> publicParameters, Map<String, String> privateParameters,
            String metadata) {
    }

    /**
     * Who a custom sign-in is for: the user, or null for a name no user has (where the client hides which users
     * exist), and the name the events carry as {@code userName}.
     */
    public record Party(UserPool pool, AppClient client, User user, String userName) {
    }

    private final Lambdas lambdas;

    public AuthChallenges(Lambdas lambdas) {
        this.lambdas = lambdas;
    }

    /** Whether the pool names a DefineAuthChallenge function, without which CUSTOM_AUTH cannot start. */
    public static boolean configured(UserPool pool) {
        return LambdaTriggers.config(pool).defineAuthChallenge() != null;
    }

    /** DefineAuthChallenge_Authentication: {@code session}; answers {@code challengeName}, the two flags. */
    public Definition define(Party party, List<ChallengeResult> session, Map<String, String> clientMetadata) {
        ObjectNode event = event(party, "DefineAuthChallenge_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        session(request, session);
        common(request, party, clientMetadata);
        JsonNode response = TriggerEvent.response(lambdas.invoke("DefineAuthChallenge",
                function(LambdaTriggers.config(party.pool()).defineAuthChallenge()), event));
        return new Definition(TriggerEvent.text(response, "challengeName"),
                TriggerEvent.flag(response, "issueTokens"), TriggerEvent.flag(response, "failAuthentication"));
    }

    /**
     * CreateAuthChallenge_Authentication: {@code challengeName} and {@code session}; answers the challenge's
     * parameters (none when it gives none) and metadata.
     */
    public Challenge create(Party party, String challengeName, List<ChallengeResult> session,
            Map<String, String> clientMetadata) {
        ObjectNode event = event(party, "CreateAuthChallenge_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        request.put("challengeName", challengeName);
        session(request, session);
        common(request, party, clientMetadata);
        JsonNode response = TriggerEvent.response(lambdas.invoke("CreateAuthChallenge",
                function(LambdaTriggers.config(party.pool()).createAuthChallenge()), event));
        Map<String, String> publicParameters = TriggerEvent.strings(response, "publicChallengeParameters");
        Map<String, String> privateParameters = TriggerEvent.strings(response, "privateChallengeParameters");
        return new Challenge(publicParameters == null ? Map.of() : publicParameters,
                privateParameters == null ? Map.of() : privateParameters,
                TriggerEvent.text(response, "challengeMetadata"));
    }

    /**
     * VerifyAuthChallengeResponse_Authentication: {@code privateChallengeParameters} and the user's
     * {@code challengeAnswer} (the {@code ANSWER} as a string, as functions compare it); answers
     * {@code answerCorrect}.
     */
    public boolean verify(Party party, Map<String, String> privateParameters, String answer,
            Map<String, String> clientMetadata) {
        ObjectNode event = event(party, "VerifyAuthChallengeResponse_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "privateChallengeParameters", privateParameters);
        request.put("challengeAnswer", answer);
        common(request, party, clientMetadata);
        JsonNode response = TriggerEvent.response(lambdas.invoke("VerifyAuthChallengeResponse",
                function(LambdaTriggers.config(party.pool()).verifyAuthChallengeResponse()), event));
        return TriggerEvent.flag(response, "answerCorrect");
    }

    /** The envelope, its request's {@code userAttributes} first (the members follow the developer guide's order). */
    private static ObjectNode event(Party party, String source) {
        ObjectNode event = TriggerEvent.envelope(party.pool(), party.client(), party.userName(), source);
        TriggerEvent.putStrings(TriggerEvent.request(event), "userAttributes",
                party.user() == null ? Map.of() : TriggerEvent.userAttributes(party.user()));
        return event;
    }

    /** The request's last members: {@code clientMetadata}, and {@code userNotFound} where the client hides users. */
    private static void common(ObjectNode request, Party party, Map<String, String> clientMetadata) {
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        if (party.client().hidesUserExistence()) {
            request.put("userNotFound", party.user() == null);
        }
    }

    private static void session(ObjectNode request, List<ChallengeResult> session) {
        ArrayNode rounds = request.putArray("session");
        for (ChallengeResult round : session) {
            ObjectNode entry = rounds.addObject();
            entry.put("challengeName", round.challengeName());
            entry.put("challengeResult", round.challengeResult());
            entry.put("challengeMetadata", round.challengeMetadata());
        }
    }

    /** The function of a challenge trigger the pool names; one it does not name cannot run the challenge. */
    private static String function(String function) {
        if (function == null) {
            throw notConfigured();
        }
        return function;
    }

    /**
     * CUSTOM_AUTH in a pool without the function. Captured: aws-amplify/amplify-js#5623 (DefineAuthChallenge; the
     * same answer for a missing CreateAuthChallenge or VerifyAuthChallengeResponse is unconfirmed).
     */
    public static CognitoException notConfigured() {
        return new CognitoException(ErrorCode.InvalidParameterException,
                "Custom auth lambda trigger is not configured for the user pool.");
    }
}
