package dev.cognitoemulator.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.auth.SigV4Signer;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the functions a pool's {@code LambdaConfig} names, the way Cognito calls Lambda: synchronously, with the
 * event as the payload, the returned event as the answer, within a timeout (Cognito's is 5 s). A function is found,
 * by its name or ARN (an ARN also matches by the function name in it), in one of three transports, first match wins:
 * <ol>
 * <li>in process: a Java function given to {@code CognitoEmulator.Builder.lambda}, called on the request's thread
 *     with a copy of the event (not timed);</li>
 * <li>a plain URL ({@code --lambda-url NAME_OR_ARN=URL}): the event POSTed as JSON, the answer's body the event;</li>
 * <li>the Lambda Invoke API ({@code --lambda-endpoint URL}): {@code POST
 *     URL/2015-03-31/functions/<function name>/invocations}, {@code X-Amz-Invocation-Type: RequestResponse}, signed
 *     with SigV4 for service {@code lambda} (what {@code sam local start-lambda}, LocalStack and the runtime interface
 *     emulator answer).</li>
 * </ol>
 * Never call this under a pool lock: a function may take seconds, or call back into the emulator. Events are not
 * logged (they may carry passwords and codes).
 */
public final class Lambdas {

    private static final Logger LOG = LoggerFactory.getLogger(Lambdas.class);
    /** Lambda's limit on a synchronous invocation's response; a longer answer is not read further. */
    static final int MAX_ANSWER_BYTES = 6 * 1024 * 1024;

    private final Map<String, Function<JsonNode, JsonNode>> inProcess;
    private final Map<String, URI> urls = new LinkedHashMap<>();
    private final URI endpoint;
    private final String accessKey;
    private final String secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    /**
     * @param inProcess the Java functions by name or ARN
     * @param config    {@code --lambda-url}, {@code --lambda-endpoint}, {@code --lambda-timeout-ms}; Invoke API calls
     *                  are signed with the first key pair of {@code --credentials}
     */
    public Lambdas(Map<String, Function<JsonNode, JsonNode>> inProcess, EmulatorConfig config, Clock clock) {
        this.inProcess = Map.copyOf(inProcess);
        config.lambdaUrls().forEach((name, url) -> urls.put(name, URI.create(url)));
        this.endpoint = config.lambdaEndpoint().isEmpty() ? null : URI.create(config.lambdaEndpoint());
        Map.Entry<String, String> key = config.credentials().entrySet().stream().findFirst()
                .orElse(Map.entry("test", "test"));
        this.accessKey = key.getKey();
        this.secret = key.getValue();
        this.timeout = Duration.ofMillis(config.lambdaTimeoutMs());
        this.clock = clock;
        this.http = urls.isEmpty() && endpoint == null ? null : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Calls {@code function} for the pool's trigger {@code trigger} (the {@code LambdaConfig} member, as Cognito's
     * error texts name it) and answers the event it returned.
     *
     * @throws CognitoException {@code UserLambdaValidationException} when the function failed,
     *                          {@code InvalidLambdaResponseException} when it answered no JSON object,
     *                          {@code UnexpectedLambdaException} when it could not be called or timed out
     */
    public ObjectNode invoke(String trigger, String function, ObjectNode event) {
        Function<JsonNode, JsonNode> handler = find(inProcess, function);
        if (handler != null) {
            return inProcess(trigger, handler, event);
        }
        URI url = find(urls, function);
        if (url != null) {
            return overHttp(trigger, function, url, event, false);
        }
        if (endpoint != null) {
            return overHttp(trigger, function, invocations(function), event, true);
        }
        // Captured (with "null" for the trigger's name): aws-amplify/amplify-js#4300.
        throw new CognitoException(ErrorCode.UnexpectedLambdaException,
                trigger + " invocation failed due to configuration.");
    }

    /** Whether any function is configured (in process, by URL or through the Invoke API). */
    public boolean configured() {
        return !inProcess.isEmpty() || http != null;
    }

    /** The answer a returned event's field of the wrong type gets, as a function answering nonsense does. */
    public static CognitoException unrecognizable() {
        // Captured: amazon-archives/amazon-cognito-identity-js#167.
        return new CognitoException(ErrorCode.InvalidLambdaResponseException, "Unrecognizable lambda output");
    }

    /** By the exact name or ARN, else by the function name an ARN holds (with its qualifier, then without). */
    private static <T> T find(Map<String, T> functions, String function) {
        T found = functions.get(function);
        String[] arn = arnParts(function);
        if (found != null || arn == null) {
            return found;
        }
        found = arn.length > 7 ? functions.get(arn[6] + ":" + arn[7]) : null;
        return found != null ? found : functions.get(arn[6]);
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]} split at its colons, or null. */
    private static String[] arnParts(String function) {
        String[] parts = function.split(":");
        return function.startsWith("arn:") && parts.length >= 7 && "function".equals(parts[5]) ? parts : null;
    }

    /**
     * The Invoke API's URL of a function: named by the function name of its ARN (and {@code Qualifier}), which
     * Lambda, LocalStack and {@code sam local start-lambda} (by a template's logical id) all take.
     */
    private URI invocations(String function) {
        String[] arn = arnParts(function);
        String name = arn == null ? function : arn[6];
        String query = arn != null && arn.length > 7 ? "?Qualifier=" + encode(arn[7]) : "";
        return URI.create(endpoint.toString().replaceAll("/+$", "") + "/2015-03-31/functions/" + encode(name)
                + "/invocations" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ObjectNode inProcess(String trigger, Function<JsonNode, JsonNode> handler, ObjectNode event) {
        JsonNode answer;
        try {
            answer = handler.apply(event.deepCopy());
        } catch (RuntimeException e) {
            throw failed(trigger, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
        if (answer instanceof ObjectNode object) {
            return object;
        }
        throw unrecognizable();
    }

    private ObjectNode overHttp(String trigger, String function, URI uri, ObjectNode event, boolean invokeApi) {
        byte[] body = Json.bytes(event);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (invokeApi) {
            Map<String, String> headers = Map.of("Content-Type", "application/json",
                    "X-Amz-Invocation-Type", "RequestResponse");
            headers.forEach(request::header);
            SigV4Signer.sign("POST", uri, headers, body, accessKey, secret, region(function, event), "lambda",
                    clock.instant()).forEach(request::header);
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.build(), info -> new Capped());
        HttpResponse<byte[]> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut(trigger, function);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw timedOut(trigger, function);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TooLong) {
                throw unrecognizable();
            }
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut(trigger, function);
            }
            LOG.debug("{} ({}) could not be called at {}: {}", trigger, function, uri, e.getCause().toString());
            // Unconfirmed: Cognito's text for a function it cannot reach; it names the error as it does for Lambda's
            // own errors (AccessDeniedException, ResourceNotFoundException).
            throw new CognitoException(ErrorCode.UnexpectedLambdaException,
                    trigger + " invocation failed due to error " + e.getCause().getClass().getSimpleName() + ".");
        }
        LOG.debug("{} ({}) answered {} in {} ms", trigger, function, response.statusCode(),
                (System.nanoTime() - start) / 1_000_000);
        int status = response.statusCode();
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent()
                || (!invokeApi && (status < 200 || status > 299))) {
            throw failed(trigger, errorMessage(response.body()));
        }
        if (status < 200 || status > 299) {
            // Lambda's own errors (no such function, no permission) name their type in x-amzn-ErrorType; Cognito
            // answers "PreSignUp invocation failed due to error AccessDeniedException." (captured: AWS re:Post
            // knowledge center, cognito-lambda-trigger-errors).
            String type = response.headers().firstValue("x-amzn-ErrorType").map(t -> t.split(":", 2)[0])
                    .orElse("HTTP " + status);
            throw new CognitoException(ErrorCode.UnexpectedLambdaException,
                    trigger + " invocation failed due to error " + type + ".");
        }
        try {
            if (Json.MAPPER.readTree(response.body()) instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw unrecognizable();
    }

    /** The region of a function's ARN, else the pool's (the event's). */
    private static String region(String function, ObjectNode event) {
        String[] arn = arnParts(function);
        return arn != null && !arn[3].isEmpty() ? arn[3] : event.path("region").asText();
    }

    /**
     * A function's error as Lambda reports it ({@code {"errorMessage": ..., "errorType": ...}}), else the body as
     * text.
     */
    private static String errorMessage(byte[] body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body);
            if (error != null && error.path("errorMessage").isTextual()) {
                return error.get("errorMessage").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: the text itself
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 1024 ? text.substring(0, 1024) : text;
    }

    /** A function that threw or reported an error. Captured: aws-samples/amazon-cognito-passwordless-email-auth#17. */
    private static CognitoException failed(String trigger, String message) {
        return new CognitoException(ErrorCode.UserLambdaValidationException,
                trigger + " failed with error " + message + ".");
    }

    private CognitoException timedOut(String trigger, String function) {
        LOG.debug("{} ({}) did not answer within {} ms", trigger, function, timeout.toMillis());
        // Unconfirmed: reported by users as Cognito's answer when a trigger takes longer than 5 s.
        return new CognitoException(ErrorCode.UnexpectedLambdaException,
                trigger + " invocation failed due to error Socket timeout exception.");
    }

    /** A body past {@link #MAX_ANSWER_BYTES}. */
    private static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("the answer is longer than " + MAX_ANSWER_BYTES + " bytes", null);
        }
    }

    /** The body's bytes, at most {@link #MAX_ANSWER_BYTES} of them: a longer body fails with {@link TooLong}. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            value.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_ANSWER_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLong());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
