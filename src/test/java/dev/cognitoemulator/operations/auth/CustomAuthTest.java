package dev.cognitoemulator.operations.auth;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.testing.Functions;
import dev.cognitoemulator.testing.SrpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * CUSTOM_AUTH through InitiateAuth and AdminInitiateAuth, with and without SRP first, answered with CUSTOM_CHALLENGE,
 * against in-process DefineAuthChallenge / CreateAuthChallenge / VerifyAuthChallengeResponse functions written as
 * the developer guide's examples ("Define Auth challenge", "Create Auth challenge", "Verify Auth challenge response"
 * Lambda triggers): a question whose answer is 4, up to three tries, tokens once one is right.
 */
class CustomAuthTest extends CognitoTestSupport {

    private static final String ACCOUNT = "arn:aws:lambda:us-east-1:123456789012:function:";

    private final Functions functions = new Functions();
    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return functions.register(builder.clock(clock), "define", "create", "verify");
    }

    @BeforeEach
    void examples() {
        functions.reset();
        functions.set("define", CustomAuthTest::define);
        functions.set("create", CustomAuthTest::create);
        functions.set("verify", CustomAuthTest::verify);
    }

    /** The guide's define example: SRP_A then PASSWORD_VERIFIER, a custom challenge, tokens when met, 3 tries. */
    static JsonNode define(ObjectNode event) {
        JsonNode session = event.path("request").path("session");
        JsonNode last = session.isEmpty() ? null : session.get(session.size() - 1);
        ObjectNode response = response(event);
        if (last != null && last.path("challengeName").asText().equals("SRP_A")) {
            response.put("challengeName", "PASSWORD_VERIFIER").put("issueTokens", false)
                    .put("failAuthentication", false);
        } else if (last != null && last.path("challengeName").asText().equals("CUSTOM_CHALLENGE")
                && last.path("challengeResult").asBoolean()) {
            response.put("issueTokens", true).put("failAuthentication", false);
        } else if (countCustom(session) >= 3) {
            response.put("issueTokens", false).put("failAuthentication", true);
        } else {
            response.put("challengeName", "CUSTOM_CHALLENGE").put("issueTokens", false)
                    .put("failAuthentication", false);
        }
        return event;
    }

    private static int countCustom(JsonNode session) {
        int count = 0;
        for (JsonNode round : session) {
            count += round.path("challengeName").asText().equals("CUSTOM_CHALLENGE") ? 1 : 0;
        }
        return count;
    }

    /** The guide's create example: the question in public, the answer in private, a name for the round. */
    static JsonNode create(ObjectNode event) {
        ObjectNode response = response(event);
        response.putObject("publicChallengeParameters").put("question", "2+2?");
        response.putObject("privateChallengeParameters").put("answer", "4");
        response.put("challengeMetadata", "MATH-" + event.path("request").path("session").size());
        return event;
    }

    /** The guide's verify example. */
    static JsonNode verify(ObjectNode event) {
        JsonNode request = event.path("request");
        response(event).put("answerCorrect", request.path("privateChallengeParameters").path("answer").asText()
                .equals(request.path("challengeAnswer").asText()));
        return event;
    }

    static ObjectNode response(ObjectNode event) {
        return (ObjectNode) event.get("response");
    }

    /** A pool with the three challenge functions. */
    private String customPool() {
        return newPool(b -> b.poolName("custom").lambdaConfig(l -> l.defineAuthChallenge(ACCOUNT + "define")
                .createAuthChallenge(ACCOUNT + "create").verifyAuthChallengeResponse(ACCOUNT + "verify")));
    }

    private String customClient(String poolId) {
        return customClient(poolId, b -> { });
    }

    private String customClient(String poolId, Consumer<CreateUserPoolClientRequest.Builder> settings) {
        return newClient(poolId, b -> settings.accept(b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)))
                .clientId();
    }

    private InitiateAuthResponse start(String clientId, String username) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username)).clientMetadata(Map.of("step", "start")));
    }

    private RespondToAuthChallengeResponse answer(String clientId, String session, String username,
            String answer) {
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .session(session).challengeResponses(Map.of("USERNAME", username, "ANSWER", answer))
                .clientMetadata(Map.of("step", "answer")));
    }

    private static String claim(String jwt, String name) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim(name);
    }

    // --- the loop -------------------------------------------------------------------------------------------

    @Test
    void aRightAnswerToTheCustomChallengeSignsIn() throws Exception {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));

        InitiateAuthResponse challenge = start(clientId, "alice");

        assertThat(challenge.challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(challenge.challengeParameters()).containsExactly(Map.entry("USERNAME", "alice"),
                Map.entry("question", "2+2?"));
        assertThat(challenge.session()).isNotBlank();
        assertThat(challenge.authenticationResult()).isNull();

        RespondToAuthChallengeResponse signedIn = answer(clientId, challenge.session(), "alice", "4");

        AuthenticationResultType tokens = signedIn.authenticationResult();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(claim(tokens.accessToken(), "username")).isEqualTo("alice");
        assertThat(claim(tokens.idToken(), "email")).isEqualTo("alice@example.com");
        assertThat(signedIn.challengeNameAsString()).isNull();
    }

    @Test
    void theEventsCarryWhatTheDeveloperGuideDocuments() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        InitiateAuthResponse challenge = start(clientId, "alice");
        answer(clientId, challenge.session(), "alice", "5");

        ObjectNode first = functions.events("DefineAuthChallenge_Authentication").get(0);
        assertThat(first.path("version").asText()).isEqualTo("1");
        assertThat(first.path("region").asText()).isEqualTo("us-east-1");
        assertThat(first.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(first.path("userName").asText()).isEqualTo("alice");
        assertThat(first.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        assertThat(first.path("callerContext").path("awsSdkVersion").asText()).isNotEmpty();
        JsonNode request = first.path("request");
        assertThat(request.path("userAttributes").path("sub").asText()).isEqualTo(sub);
        assertThat(request.path("userAttributes").path("email").asText()).isEqualTo("alice@example.com");
        assertThat(request.path("userAttributes").path("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(request.path("session").isArray()).isTrue();
        assertThat(request.path("session")).isEmpty();
        assertThat(request.path("clientMetadata").path("step").asText()).isEqualTo("start");
        assertThat(request.has("userNotFound")).as("only where the client hides users").isFalse();

        ObjectNode create = functions.events("CreateAuthChallenge_Authentication").get(0);
        assertThat(create.path("request").path("challengeName").asText()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(create.path("request").path("session")).isEmpty();

        ObjectNode verify = functions.events("VerifyAuthChallengeResponse_Authentication").get(0);
        assertThat(verify.path("request").path("privateChallengeParameters").path("answer").asText())
                .isEqualTo("4");
        assertThat(verify.path("request").path("challengeAnswer")).isEqualTo(TextNode.valueOf("5"));
        assertThat(verify.path("request").path("clientMetadata").path("step").asText()).isEqualTo("answer");

        ObjectNode second = functions.events("DefineAuthChallenge_Authentication").get(1);
        JsonNode round = second.path("request").path("session").get(0);
        assertThat(round.path("challengeName").asText()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(round.path("challengeResult").asBoolean()).isFalse();
        assertThat(round.path("challengeMetadata").asText()).isEqualTo("MATH-0");
        assertThat(second.path("request").path("clientMetadata").path("step").asText()).isEqualTo("answer");
    }

    @Test
    void aWrongAnswerGivesANewChallengeWithANewSessionAndSpendsTheOld() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        InitiateAuthResponse challenge = start(clientId, "alice");
        RespondToAuthChallengeResponse again = answer(clientId, challenge.session(), "alice", "5");

        assertThat(again.challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(again.session()).isNotBlank().isNotEqualTo(challenge.session());
        assertThat(again.challengeParameters()).containsEntry("question", "2+2?");
        assertThat(message(awsError("NotAuthorizedException",
                () -> answer(clientId, challenge.session(), "alice", "4")))).isEqualTo("Invalid session for the user.");
        assertThat(answer(clientId, again.session(), "alice", "4").authenticationResult()).isNotNull();
        // The second round saw the first: one challenge before it.
        assertThat(functions.events("CreateAuthChallenge_Authentication").get(1).path("request").path("session")
                .get(0).path("challengeMetadata").asText()).isEqualTo("MATH-0");
    }

    @Test
    void failAuthenticationIsIncorrectUsernameOrPassword() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        String session = start(clientId, "alice").session();
        session = answer(clientId, session, "alice", "1").session();
        session = answer(clientId, session, "alice", "2").session();
        String last = session;

        assertThat(message(awsError("NotAuthorizedException", () -> answer(clientId, last, "alice", "3"))))
                .isEqualTo("Incorrect username or password.");
        assertThat(message(awsError("NotAuthorizedException", () -> answer(clientId, last, "alice", "4"))))
                .as("the session ended with the sign-in").isEqualTo("Invalid session for the user.");
    }

    @Test
    void defineMayFailOrIssueTokensAtOnce() throws Exception {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        functions.set("define", event -> {
            response(event).put("issueTokens", true).put("failAuthentication", false);
            return event;
        });
        InitiateAuthResponse tokens = start(clientId, "alice");
        assertThat(claim(tokens.authenticationResult().accessToken(), "username")).isEqualTo("alice");

        functions.set("define", event -> {
            response(event).put("issueTokens", true).put("failAuthentication", true);
            return event;
        });
        assertThat(message(awsError("NotAuthorizedException", () -> start(clientId, "alice"))))
                .isEqualTo("Incorrect username or password.");
    }

    @Test
    void aSignInTakesAtMostSixteenChallenges() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");
        functions.set("define", event -> {
            response(event).put("challengeName", "CUSTOM_CHALLENGE").put("issueTokens", false)
                    .put("failAuthentication", false);
            return event;
        });

        String session = start(clientId, "alice").session();
        for (int i = 1; i < 16; i++) {
            session = answer(clientId, session, "alice", "5").session();
        }
        String last = session;

        assertThat(message(awsError("NotAuthorizedException", () -> answer(clientId, last, "alice", "5"))))
                .isEqualTo("Incorrect username or password.");
        assertThat(functions.events("CreateAuthChallenge_Authentication")).hasSize(16);
    }

    @Test
    void theSessionLivesTheClientsAuthSessionValidity() {
        String poolId = customPool();
        String clientId = customClient(poolId, b -> b.authSessionValidity(5));
        confirmedUser(poolId, "alice");

        String session = start(clientId, "alice").session();
        clock.advance(Duration.ofMinutes(5));

        assertThat(message(awsError("NotAuthorizedException", () -> answer(clientId, session, "alice", "4"))))
                .isEqualTo("Invalid session for the user, session is expired.");
        assertThat(functions.events("VerifyAuthChallengeResponse_Authentication")).isEmpty();
    }

    @Test
    void theAnswerNamesTheSessionsUserAndNeedsAnAnswer() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");
        String session = start(clientId, "alice").session();

        assertThat(message(awsError("NotAuthorizedException", () -> answer(clientId, session, "bob", "4"))))
                .isEqualTo("Invalid session for the user.");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.respondToAuthChallenge(b -> b
                .clientId(clientId).challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(session)
                .challengeResponses(Map.of("USERNAME", "alice")))))).isEqualTo("Missing required parameter ANSWER");
        assertThat(answer(clientId, session, "alice", "4").authenticationResult()).as("refusals spend nothing")
                .isNotNull();
    }

    @Test
    void adminInitiateAuthRunsTheSameLoop() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        AdminInitiateAuthResponse challenge = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", "alice")));
        assertThat(challenge.challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");

        assertThat(cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId).clientId(clientId)
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "alice", "ANSWER", "4"))).authenticationResult()
                .accessToken()).isNotBlank();
    }

    @Test
    void aClientWithASecretNeedsTheSecretHashAtEachStep() {
        String poolId = customPool();
        var client = newClient(poolId, b -> b.generateSecret(true).explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
        confirmedUser(poolId, "alice");
        String hash = SrpClient.secretHash(client.clientSecret(), "alice", client.clientId());

        assertThat(message(awsError("NotAuthorizedException", () -> start(client.clientId(), "alice"))))
                .isEqualTo("Client " + client.clientId() + " is configured with secret but SECRET_HASH was not "
                        + "received");
        String session = cognito.initiateAuth(b -> b.clientId(client.clientId()).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "SECRET_HASH", hash))).session();
        assertThat(cognito.respondToAuthChallenge(b -> b.clientId(client.clientId())
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(session)
                .challengeResponses(Map.of("USERNAME", "alice", "ANSWER", "4", "SECRET_HASH", hash)))
                .authenticationResult()).isNotNull();
    }

    // --- who may start it -----------------------------------------------------------------------------------

    @Test
    void aClientThatDoesNotAllowCustomAuthIsRefused() {
        String poolId = customPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException", () -> start(clientId, "alice"))))
                .isEqualTo("CUSTOM_AUTH flow not enabled for this client");
        assertThat(functions.events("DefineAuthChallenge_Authentication")).isEmpty();
    }

    @Test
    void theDefaultAndTheLegacyCustomOnlyFlowsAllowIt() {
        String poolId = customPool();
        confirmedUser(poolId, "alice");
        String defaults = newClient(poolId, b -> { }).clientId();
        String legacy = newClient(poolId, b -> b.explicitAuthFlowsWithStrings("CUSTOM_AUTH_FLOW_ONLY")).clientId();

        assertThat(start(defaults, "alice").challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(start(legacy, "alice").challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");
    }

    @Test
    void aPoolWithoutDefineAuthChallengeCannotStartIt() {
        String poolId = newPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        // Captured: aws-amplify/amplify-js#5623.
        assertThat(message(awsError("InvalidParameterException", () -> start(clientId, "alice"))))
                .isEqualTo("Custom auth lambda trigger is not configured for the user pool.");
    }

    @Test
    void anUnknownUserIsUserNotFoundUnlessTheClientHidesUsers() {
        String poolId = customPool();
        String legacy = customClient(poolId, b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY));
        String hiding = customClient(poolId, b -> b.preventUserExistenceErrors(
                PreventUserExistenceErrorTypes.ENABLED));

        assertThat(message(awsError("UserNotFoundException", () -> start(legacy, "nobody"))))
                .isEqualTo("User does not exist.");

        InitiateAuthResponse challenge = start(hiding, "nobody");
        assertThat(challenge.challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(challenge.challengeParameters()).containsEntry("USERNAME", "nobody");
        ObjectNode event = functions.events("DefineAuthChallenge_Authentication").get(0);
        assertThat(event.path("userName").asText()).isEqualTo("nobody");
        assertThat(event.path("request").path("userNotFound").asBoolean()).isTrue();
        assertThat(event.path("request").path("userAttributes")).isEmpty();
        // Even a right answer gets no tokens for a user who does not exist.
        assertThat(message(awsError("NotAuthorizedException",
                () -> answer(hiding, challenge.session(), "nobody", "4")))).isEqualTo("Incorrect username or password.");
    }

    @Test
    void aKnownUserOfAClientThatHidesUsersIsFound() {
        String poolId = customPool();
        String hiding = customClient(poolId, b -> b.preventUserExistenceErrors(
                PreventUserExistenceErrorTypes.ENABLED));
        confirmedUser(poolId, "alice");

        start(hiding, "alice");

        assertThat(functions.events("DefineAuthChallenge_Authentication").get(0).path("request")
                .path("userNotFound").asBoolean(true)).isFalse();
    }

    @Test
    void anUnconfirmedOrDisabledUserIsRefusedBeforeAnyTrigger() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        cognito.signUp(b -> b.clientId(clientId).username("carol").password(PASSWORD));
        confirmedUser(poolId, "dave");
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("dave"));

        assertThat(message(awsError("UserNotConfirmedException", () -> start(clientId, "carol"))))
                .isEqualTo("User is not confirmed.");
        assertThat(message(awsError("NotAuthorizedException", () -> start(clientId, "dave"))))
                .isEqualTo("User is disabled.");
        assertThat(functions.events("DefineAuthChallenge_Authentication")).isEmpty();
    }

    // --- the functions' failures ----------------------------------------------------------------------------

    @Test
    void aFunctionThatThrowsIsUserLambdaValidationException() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");
        functions.set("create", event -> {
            throw new IllegalStateException("no question today");
        });

        assertThat(message(awsError("UserLambdaValidationException", () -> start(clientId, "alice"))))
                .isEqualTo("CreateAuthChallenge failed with error no question today.");
    }

    @Test
    void answersOfTheWrongShapeAreUnrecognizable() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        functions.set("define", event -> {
            response(event).put("issueTokens", 1);
            return event;
        });
        assertThat(message(awsError("InvalidLambdaResponseException", () -> start(clientId, "alice"))))
                .isEqualTo("Unrecognizable lambda output");

        functions.set("define", CustomAuthTest::define);
        functions.set("create", event -> {
            response(event).putObject("publicChallengeParameters").put("count", 3);
            return event;
        });
        assertThat(message(awsError("InvalidLambdaResponseException", () -> start(clientId, "alice"))))
                .isEqualTo("Unrecognizable lambda output");
    }

    @Test
    void defineNamingAChallengeTheFlowCannotGiveIsUnrecognizable() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        for (String name : new String[] {"SMS_MFA", "PASSWORD_VERIFIER", "NO_SUCH_CHALLENGE"}) {
            functions.set("define", event -> {
                response(event).put("challengeName", name).put("issueTokens", false)
                        .put("failAuthentication", false);
                return event;
            });
            assertThat(message(awsError("InvalidLambdaResponseException", () -> start(clientId, "alice"))))
                    .as(name).isEqualTo("Unrecognizable lambda output");
        }
        functions.set("define", event -> event);
        assertThat(message(awsError("InvalidLambdaResponseException", () -> start(clientId, "alice"))))
                .as("no decision").isEqualTo("Unrecognizable lambda output");
    }

    @Test
    void aPoolWithoutTheOtherChallengeFunctionsCannotGiveAChallenge() {
        String poolId = newPool(b -> b.poolName("define-only").lambdaConfig(l -> l.defineAuthChallenge(
                ACCOUNT + "define")));
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException", () -> start(clientId, "alice"))))
                .isEqualTo("Custom auth lambda trigger is not configured for the user pool.");
    }

    // --- with SRP first -------------------------------------------------------------------------------------

    private InitiateAuthResponse startWithSrp(String clientId, String username, SrpClient srp) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username, "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));
    }

    private RespondToAuthChallengeResponse verifyPassword(String clientId, InitiateAuthResponse challenge,
            SrpClient srp, String password) {
        Map<String, String> responses = new HashMap<>(srp.answer(challenge.challengeParameters(), password));
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(challenge.session())
                .challengeResponses(responses));
    }

    @Test
    void withSrpThePasswordIsVerifiedBeforeTheCustomChallenge() throws Exception {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");
        SrpClient srp = SrpClient.forPool(poolId);

        InitiateAuthResponse verifier = startWithSrp(clientId, "alice", srp);

        assertThat(verifier.challengeNameAsString()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(verifier.challengeParameters()).containsOnlyKeys("SALT", "SECRET_BLOCK", "SRP_B", "USERNAME",
                "USER_ID_FOR_SRP");
        JsonNode first = functions.events("DefineAuthChallenge_Authentication").get(0).path("request")
                .path("session");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("challengeName").asText()).isEqualTo("SRP_A");
        assertThat(first.get(0).path("challengeResult").asBoolean()).isTrue();
        assertThat(first.get(0).path("challengeMetadata").isNull()).isTrue();

        RespondToAuthChallengeResponse custom = verifyPassword(clientId, verifier, srp, PASSWORD);

        assertThat(custom.challengeNameAsString()).isEqualTo("CUSTOM_CHALLENGE");
        JsonNode second = functions.events("DefineAuthChallenge_Authentication").get(1).path("request")
                .path("session");
        assertThat(second).hasSize(2);
        assertThat(second.get(1).path("challengeName").asText()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(second.get(1).path("challengeResult").asBoolean()).isTrue();

        AuthenticationResultType tokens = answer(clientId, custom.session(), "alice", "4").authenticationResult();
        assertThat(claim(tokens.accessToken(), "username")).isEqualTo("alice");
        assertThat(functions.events("DefineAuthChallenge_Authentication").get(2).path("request").path("session"))
                .hasSize(3);
    }

    @Test
    void withSrpAWrongPasswordEndsTheSignIn() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");
        SrpClient srp = SrpClient.forPool(poolId);
        InitiateAuthResponse verifier = startWithSrp(clientId, "alice", srp);

        assertThat(message(awsError("NotAuthorizedException",
                () -> verifyPassword(clientId, verifier, srp, "Not-the-passw0rd"))))
                .isEqualTo("Incorrect username or password.");
        assertThat(functions.events("DefineAuthChallenge_Authentication")).as("define is not asked again")
                .hasSize(1);
        assertThat(message(awsError("NotAuthorizedException", () -> verifyPassword(clientId, verifier, srp,
                PASSWORD)))).as("the verifier is spent").isEqualTo("Incorrect username or password.");
    }

    @Test
    void withSrpAMissingSrpAIsAMissingParameter() {
        String poolId = customPool();
        String clientId = customClient(poolId);
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException", () -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", "alice", "CHALLENGE_NAME",
                        "SRP_A")))))).isEqualTo("Missing required parameter SRP_A");
    }
}
