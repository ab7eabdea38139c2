package dev.cognitoemulator.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cognitoemulator.auth.HttpRequestView;
import dev.cognitoemulator.auth.SigV4Verifier;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS JSON 1.1 pipeline after the body has been read: operation lookup, SigV4 (for the operations the
 * model marks as signed), JSON decoding, model validation, binding, execution, encoding. Everything it
 * throws is a {@link CognitoException} or a bug.
 */
public final class Dispatcher {

    /** An operation of the model; {@code operation} and {@code reader} are null while it is not implemented. */
    private record Route(ServiceModel.OperationModel declared, Operation<Object> operation, ObjectReader reader) {
    }

    private static final ObjectReader LAZY = Json.MAPPER.reader()
            .without(DeserializationFeature.EAGER_DESERIALIZER_FETCH);

    private final SigV4Verifier verifier;
    private final String defaultRegion;
    private final String issuerBase;
    /** Every operation of the model by its whole {@code X-Amz-Target} value: one look-up a request. */
    private final Map<String, Route> routes;
    private final Set<String> supported;

    @SuppressWarnings("unchecked")
    /** {@code issuerBase} empty: tokens' issuer follows each request's Host header. */
    public Dispatcher(ServiceModel model, List<Operation<?>> implemented, SigV4Verifier verifier,
            String defaultRegion, String issuerBase) {
        this.verifier = verifier;
        this.defaultRegion = defaultRegion;
        this.issuerBase = issuerBase;
        Map<String, Operation<Object>> byName = new HashMap<>();
        for (Operation<?> operation : implemented) {
            if (model.operation(operation.name()) == null) {
                throw new IllegalStateException(operation.name() + " is not an operation of the service model");
            }
            byName.put(operation.name(), (Operation<Object>) operation);
        }
        Map<String, Route> byTarget = new HashMap<>();
        for (String name : model.operationNames()) {
            Operation<Object> operation = byName.get(name);
            // Deserializers are built on first use, not here: building all of them costs start-up time.
            byTarget.put(model.targetPrefix() + "." + name, new Route(model.operation(name), operation,
                    operation == null ? null : LAZY.forType(operation.requestType())));
        }
        this.routes = Map.copyOf(byTarget);
        this.supported = Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    /** The names of the implemented operations, sorted. */
    public Set<String> supported() {
        return supported;
    }

    public byte[] dispatch(String target, HttpRequestView request, byte[] body, String requestId) {
        Route route = target == null ? null : routes.get(target);
        if (route == null) {
            throw new CognitoException(ErrorCode.UnknownOperationException,
                    target == null ? "Missing X-Amz-Target header." : "Unknown operation " + target + ".");
        }
        ServiceModel.OperationModel declared = route.declared();
        String region = declared.signed() ? verifier.verify(request, body) : null;
        if (route.operation() == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The operation " + declared.name() + " is not implemented by cognito-emulator yet.");
        }
        JsonNode json = parse(body);
        InputValidator.validate(declared.input(), json);
        Object input;
        try {
            input = route.reader().readValue(json);
        } catch (JacksonException e) {
            throw new CognitoException(ErrorCode.SerializationException, "Unable to bind the request: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CognitoException(ErrorCode.SerializationException, "Unable to bind the request.");
        }
        Object output = route.operation().execute(input, new RequestContext(requestId,
                region == null ? defaultRegion : region, issuerBase, request.header("host")));
        try {
            return Json.MAPPER.writeValueAsBytes(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the response of " + declared.name(), e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            return json == null || json.isMissingNode() ? JsonNodeFactory.instance.objectNode() : json;
        } catch (JacksonException e) {
            throw new CognitoException(ErrorCode.SerializationException, "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CognitoException(ErrorCode.SerializationException, "Malformed JSON.");
        }
    }
}
