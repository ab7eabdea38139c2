package dev.cognitoemulator.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cognitoemulator.auth.HttpRequestView;
import dev.cognitoemulator.auth.SigV4Verifier;
import java.io.IOException;
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

    private record Bound(ServiceModel.OperationModel model, Operation<Object> operation, ObjectReader reader) {
    }

    private static final ObjectReader LAZY = Json.MAPPER.reader()
            .without(DeserializationFeature.EAGER_DESERIALIZER_FETCH);

    private final ServiceModel model;
    private final SigV4Verifier verifier;
    private final String defaultRegion;
    private final String issuerBase;
    private final Map<String, Bound> operations;

    @SuppressWarnings("unchecked")
    /** {@code issuerBase} empty: tokens' issuer follows each request's Host header. */
    public Dispatcher(ServiceModel model, List<Operation<?>> implemented, SigV4Verifier verifier,
            String defaultRegion, String issuerBase) {
        this.model = model;
        this.verifier = verifier;
        this.defaultRegion = defaultRegion;
        this.issuerBase = issuerBase;
        Map<String, Bound> bound = new HashMap<>();
        for (Operation<?> operation : implemented) {
            ServiceModel.OperationModel declared = model.operation(operation.name());
            if (declared == null) {
                throw new IllegalStateException(operation.name() + " is not an operation of the service model");
            }
            // Deserializers are built on first use, not here: building all of them costs start-up time.
            bound.put(operation.name(), new Bound(declared, (Operation<Object>) operation,
                    LAZY.forType(operation.requestType())));
        }
        this.operations = Map.copyOf(bound);
    }

    /** The names of the implemented operations, sorted. */
    public Set<String> supported() {
        return new TreeSet<>(operations.keySet());
    }

    public byte[] dispatch(String target, HttpRequestView request, byte[] body, String requestId) {
        ServiceModel.OperationModel declared = lookup(target);
        String region = declared.signed() ? verifier.verify(request, body) : null;
        Bound bound = operations.get(declared.name());
        if (bound == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The operation " + declared.name() + " is not implemented by cognito-emulator yet.");
        }
        JsonNode json = parse(body);
        InputValidator.validate(declared.input(), json);
        Object input;
        try {
            input = bound.reader().readValue(json);
        } catch (JacksonException e) {
            throw new CognitoException(ErrorCode.SerializationException, "Unable to bind the request: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CognitoException(ErrorCode.SerializationException, "Unable to bind the request.");
        }
        Object output = bound.operation().execute(input, new RequestContext(requestId,
                region == null ? defaultRegion : region, issuerBase, request.header("host")));
        try {
            return Json.MAPPER.writeValueAsBytes(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the response of " + declared.name(), e);
        }
    }

    private ServiceModel.OperationModel lookup(String target) {
        String prefix = model.targetPrefix();
        if (target != null && target.length() > prefix.length() + 1 && target.startsWith(prefix)
                && target.charAt(prefix.length()) == '.') {
            ServiceModel.OperationModel declared = model.operation(target.substring(prefix.length() + 1));
            if (declared != null) {
                return declared;
            }
        }
        throw new CognitoException(ErrorCode.UnknownOperationException,
                target == null ? "Missing X-Amz-Target header." : "Unknown operation " + target + ".");
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
