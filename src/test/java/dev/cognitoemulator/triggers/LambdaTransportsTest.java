package dev.cognitoemulator.triggers;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.UUID;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.testing.LambdaServer;
import dev.cognitoemulator.testing.LambdaServer.Answer;
import dev.cognitoemulator.testing.LambdaServer.Received;
import dev.cognitoemulator.testing.SdkSigner;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The three ways a trigger's function is called (in process, a plain URL, the Lambda Invoke API) and each way one
 * fails, through a PreAuthentication trigger on AdminInitiateAuth: the event each transport delivers, Cognito's
 * error for a function that throws or answers nonsense ({@link LambdaFailuresTest}: one that cannot be called).
 */
class LambdaTransportsTest extends CognitoTestSupport {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final LambdaServer lambda = LambdaServer.start();
    private final BlockingQueue<JsonNode> inProcessEvents = new LinkedBlockingQueue<>();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        lambda.route("/ok", r -> Answer.json(r.event()))
                .route("/fails", r -> new Answer(500, Map.of(), "{\"errorMessage\":\"no such customer\"}"))
                .route("/fails-text", r -> new Answer(502, Map.of(), "Bad Gateway"))
                .route("/nonsense", r -> new Answer(200, Map.of(), "[\"not\", \"an event\"]"))
                .route(invocations("invoke-ok"), r -> Answer.json(r.event()))
                .route(invocations("invoke-fails"), r -> new Answer(200, Map.of("X-Amz-Function-Error", "Unhandled"),
                        "{\"errorType\":\"Error\",\"errorMessage\":\"boom\",\"trace\":[]}"))
                .route(invocations("invoke-missing"), r -> new Answer(404,
                        Map.of("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/"),
                        "{\"Type\":\"User\",\"message\":\"Function not found\"}"));
        return builder
                .lambda("inproc-ok", event -> {
                    inProcessEvents.add(event);
                    return event;
                })
                .lambda(ARN + "inproc-throws", event -> {
                    throw new IllegalStateException("not today");
                })
                .lambda("inproc-nonsense", event -> TextNode.valueOf("yes"))
                .setting(Setting.LAMBDA_URL, String.join(",", "url-ok=" + lambda.uri("/ok"),
                        "url-fails=" + lambda.uri("/fails"), "url-fails-text=" + lambda.uri("/fails-text"),
                        "url-nonsense=" + lambda.uri("/nonsense")))
                .setting(Setting.LAMBDA_ENDPOINT, lambda.uri("").toString());
    }

    @AfterAll
    void stopLambda() {
        lambda.close();
    }

    private static String invocations(String name) {
        return "/2015-03-31/functions/" + name + "/invocations";
    }

    /** A pool whose PreAuthentication is {@code function}, a confirmed user, a sign-in with ClientMetadata. */
    private record SignIn(String poolId, String clientId) {
    }

    private SignIn signIn(String function) {
        String poolId = newPool(b -> b.lambdaConfig(l -> l.preAuthentication(ARN + function)));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", attr("email", "alice@example.com"));
        cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))
                .clientMetadata(Map.of("captcha", "42")));
        return new SignIn(poolId, clientId);
    }

    /** The developer guide's pre authentication event: common parameters, userAttributes, validationData. */
    private static void assertPreAuthenticationEvent(JsonNode event, SignIn signIn) {
        assertThat(event.get("version").asText()).isEqualTo("1");
        assertThat(event.get("triggerSource").asText()).isEqualTo("PreAuthentication_Authentication");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("userPoolId").asText()).isEqualTo(signIn.poolId());
        assertThat(event.get("userName").asText()).isEqualTo("alice");
        assertThat(event.get("callerContext").get("awsSdkVersion").asText()).isNotEmpty();
        assertThat(event.get("callerContext").get("clientId").asText()).isEqualTo(signIn.clientId());
        JsonNode attributes = event.get("request").get("userAttributes");
        assertThat(attributes.get("sub").asText()).matches(UUID);
        assertThat(attributes.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(attributes.get("cognito:user_status").asText()).isEqualTo("CONFIRMED");
        assertThat(event.get("request").get("validationData")).isEqualTo(JSON.createObjectNode().put("captcha", "42"));
        assertThat(event.get("response")).isEqualTo(JSON.createObjectNode());
    }

    private void assertRefused(String function, String code, String text) {
        assertThat(message(awsError(code, () -> signIn(function)))).isEqualTo(text);
    }

    // --- in process ------------------------------------------------------------------------------------------

    @Test
    void anInProcessFunctionGetsTheEventByItsNameInTheArn() throws InterruptedException {
        SignIn signIn = signIn("inproc-ok");
        assertPreAuthenticationEvent(inProcessEvents.poll(5, TimeUnit.SECONDS), signIn);
    }

    @Test
    void anInProcessFunctionThatThrowsIsUserLambdaValidationExceptionWithItsMessage() {
        assertRefused("inproc-throws", "UserLambdaValidationException",
                "PreAuthentication failed with error not today.");
    }

    @Test
    void anInProcessFunctionAnsweringNoObjectIsUnrecognizableLambdaOutput() {
        assertRefused("inproc-nonsense", "InvalidLambdaResponseException", "Unrecognizable lambda output");
    }

    // --- plain URL -------------------------------------------------------------------------------------------

    @Test
    void aPlainUrlGetsTheEventAsAJsonPost() {
        SignIn signIn = signIn("url-ok");
        Received request = lastTo("/ok");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isNull();
        assertPreAuthenticationEvent(request.event(), signIn);
    }

    @Test
    void aPlainUrlAnsweringAnErrorStatusFailsWithTheErrorMessageOfItsBody() {
        assertRefused("url-fails", "UserLambdaValidationException",
                "PreAuthentication failed with error no such customer.");
        assertRefused("url-fails-text", "UserLambdaValidationException",
                "PreAuthentication failed with error Bad Gateway.");
    }

    @Test
    void aPlainUrlAnsweringNoObjectIsUnrecognizableLambdaOutput() {
        assertRefused("url-nonsense", "InvalidLambdaResponseException", "Unrecognizable lambda output");
    }

    // --- Lambda Invoke API -----------------------------------------------------------------------------------

    @Test
    void theInvokeApiGetsTheEventSignedForLambdaAtTheFunctionsInvocationsPath() {
        SignIn signIn = signIn("invoke-ok");
        Received request = lastTo(invocations("invoke-ok"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
        assertPreAuthenticationEvent(request.event(), signIn);
        assertSignedLikeTheSdk(request);
    }

    @Test
    void aQualifiedArnIsInvokedByItsNameWithTheQualifier() {
        signIn("invoke-ok:live");
        Received request = lastTo(invocations("invoke-ok"));
        assertThat(request.rawQuery()).isEqualTo("Qualifier=live");
        assertSignedLikeTheSdk(request);
    }

    /** The AWS SDK's own SigV4 signer, over the same request at the same instant, signs it alike. */
    private void assertSignedLikeTheSdk(Received request) {
        SdkHttpRequest expected = SdkSigner.sign("POST", lambda.uri(request.rawPath()
                        + (request.rawQuery() == null ? "" : "?" + request.rawQuery())),
                Map.of("Content-Type", request.header("Content-Type"),
                        "X-Amz-Invocation-Type", request.header("X-Amz-Invocation-Type")),
                request.body(), "test", "test", "us-east-1", "lambda",
                LocalDateTime.parse(request.header("X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC));
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/")
                .contains("/us-east-1/lambda/aws4_request")
                .isEqualTo(expected.firstMatchingHeader("Authorization").orElseThrow());
    }

    @Test
    void aFunctionErrorOfTheInvokeApiIsUserLambdaValidationExceptionWithItsErrorMessage() {
        assertRefused("invoke-fails", "UserLambdaValidationException", "PreAuthentication failed with error boom.");
    }

    @Test
    void anErrorOfTheInvokeApiItselfIsUnexpectedLambdaExceptionNamingItsType() {
        assertRefused("invoke-missing", "UnexpectedLambdaException",
                "PreAuthentication invocation failed due to error ResourceNotFoundException.");
    }

    // --- no transport ----------------------------------------------------------------------------------------

    @Test
    void aRefusedSignInChangesNothingAndAnotherSucceeds() {
        assertRefused("inproc-throws", "UserLambdaValidationException",
                "PreAuthentication failed with error not today.");
        SignIn signIn = signIn("inproc-ok");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(signIn.poolId()).username("alice")).userStatusAsString())
                .isEqualTo("CONFIRMED");
    }

    private Received lastTo(String rawPath) {
        Received last = null;
        for (Received r : lambda.received) {
            if (r.rawPath().equals(rawPath)) {
                last = r;
            }
        }
        assertThat(last).as("a request to %s", rawPath).isNotNull();
        return last;
    }
}
