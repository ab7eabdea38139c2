package dev.cognitoemulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.model.OperationSpec;
import dev.cognitoemulator.model.ServiceOperations;
import dev.cognitoemulator.model.Violations;
import dev.cognitoemulator.model.Wire;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every answer the test suite's SDK client receives, checked against the service model before the SDK reads it: a
 * success must be the operation's output shape (its members and nothing else, the types, the required members,
 * enums, lengths and ranges), an error {@code {"__type","message"}} with a code the model lists for the operation
 * (or one of the front door's). A test whose answer breaks the model fails with an {@link AssertionError}.
 */
public final class ModelCheck implements ExecutionInterceptor {

    /** Codes any operation may answer: the AWS JSON protocol's, authentication's and the emulator's own. */
    private static final Set<String> FRONT_DOOR = Set.of("UnknownOperationException", "SerializationException",
            "MissingAuthenticationTokenException", "IncompleteSignatureException", "InvalidSignatureException",
            "UnrecognizedClientException", "NotImplementedException", "RequestEntityTooLargeException",
            "MethodNotAllowedException", "InternalErrorException");
    /**
     * Input constraints AWS's own answers break: DescribeUserPool returns {@code phone_number_verified} (21
     * characters against SchemaAttributeType's 20) and every attribute, 20 standard ones and up to 50 custom, against
     * the list's 50 (captured: aws/aws-cli examples/cognito-idp/describe-user-pool.rst). Domains: DomainType is the
     * pattern of one label, while a CloudFront domain ({@code d111111abcdef8.cloudfront.net}: API reference,
     * CreateUserPoolDomain) and a custom domain are host names; a prefix domain's {@code CustomDomainConfig} is
     * {@code {}}, without the required certificate (captured: aws-cli
     * examples/cognito-idp/describe-user-pool-domain.rst). An import job's {@code CompletionMessage} is a sentence,
     * against CompletionMessageType's {@code [\\w]+} (captured: "Too many users have failed or been skipped during
     * the import.", aws-solutions/cognito-user-profiles-export-reference-architecture#9).
     */
    private static final Pattern AWS_BREAKS = Pattern.compile(
            "userPool\\.schemaAttributes(\\.\\d+\\.member\\.name)?|userPool\\.customDomain|cloudFrontDomain"
            + "|domainDescription\\.(domain|customDomainConfig\\.certificateArn)|userImportJob\\.completionMessage"
            + "|userImportJobs\\.\\d+\\.member\\.completionMessage");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, OperationSpec<?, ?>> SPECS = new HashMap<>();

    static {
        ServiceOperations.ALL.forEach(s -> SPECS.put(ServiceOperations.TARGET_PREFIX + "." + s.name(), s));
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Optional<InputStream> content = context.responseBody();
        if (content.isEmpty()) {
            return content;
        }
        byte[] body;
        try (InputStream in = content.get()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String target = context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        OperationSpec<?, ?> spec = SPECS.get(target);
        if (spec != null) {
            if (context.httpResponse().statusCode() == 200) {
                checkOutput(spec, body);
            } else {
                checkError(spec, body);
            }
        }
        return Optional.of(new ByteArrayInputStream(body));
    }

    /** Decoded by the model's codec, the answer is checked and written back: it must come out the same. */
    static <O> void checkOutput(OperationSpec<?, O> spec, byte[] body) {
        if (spec.readOutput() == null) {
            require(tree(body).isObject() && tree(body).isEmpty(), spec, "an operation without output answers {}",
                    body);
            return;
        }
        O output;
        try {
            output = Wire.decode(body, spec.readOutput());
        } catch (CognitoException e) {
            throw failure(spec, "does not decode as " + spec.output().getSimpleName() + ": " + e.getMessage(), body);
        }
        Violations found = new Violations();
        spec.checkOutput().check(output, "", false, found);
        Violations violations = found.excluding(path -> AWS_BREAKS.matcher(path).matches());
        require(violations.isEmpty(), spec, violations.isEmpty() ? "" : violations.message(), body);
        JsonNode again = tree(Wire.encode(output, spec.writeOutput()));
        require(again.equals(tree(body)), spec, "has members the model's " + spec.output().getSimpleName()
                + " does not (written back: " + again + ")", body);
    }

    static void checkError(OperationSpec<?, ?> spec, byte[] body) {
        JsonNode error = tree(body);
        require(error.path("__type").isTextual() && error.path("message").isTextual() && error.size() == 2, spec,
                "an error is {\"__type\",\"message\"}", body);
        String code = error.get("__type").asText();
        require(spec.errors().contains(code) || FRONT_DOOR.contains(code), spec,
                code + " is not an error the model lists for the operation " + spec.errors(), body);
    }

    private static void require(boolean ok, OperationSpec<?, ?> spec, String problem, byte[] body) {
        if (!ok) {
            throw failure(spec, problem, body);
        }
    }

    private static AssertionError failure(OperationSpec<?, ?> spec, String problem, byte[] body) {
        return new AssertionError("The answer of " + spec.name() + " breaks the service model: " + problem + "\n"
                + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode tree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
