package dev.cognitoemulator.protocol;

import dev.cognitoemulator.auth.HttpRequestView;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.domain.Replication;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.OperationSpec;
import dev.cognitoemulator.model.PoolScoped;
import dev.cognitoemulator.model.ServiceOperations;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS JSON 1.1 pipeline after the body has been read: operation lookup by {@code X-Amz-Target}, SigV4 (for
 * the operations the model signs), decoding straight into the typed request with the model's constraints, the
 * operation, encoding. Everything it throws is a {@link CognitoException} or a bug.
 */
public final class Dispatcher {

    /** An operation of the model; {@code operation} is null while the emulator does not implement it. */
    private record Route(OperationSpec<Object, Object> spec, Operation<Object, Object> operation) {
    }

    private final SigV4Verifier verifier;
    private final String defaultRegion;
    private final Services services;
    /** Every operation of the model by its whole {@code X-Amz-Target} value: one look-up a request. */
    private final Map<String, Route> routes;
    private final Set<String> supported;

    public Dispatcher(List<Operation<?, ?>> implemented, SigV4Verifier verifier, String defaultRegion,
            Services services) {
        this.verifier = verifier;
        this.defaultRegion = defaultRegion;
        this.services = services;
        Map<String, Operation<Object, Object>> byName = new HashMap<>();
        Map<String, OperationSpec<?, ?>> specs = new HashMap<>();
        ServiceOperations.ALL.forEach(spec -> specs.put(spec.name(), spec));
        for (Operation<?, ?> operation : implemented) {
            String name = operation.getClass().getSimpleName();
            OperationSpec<?, ?> spec = specs.get(name);
            if (spec == null) {
                throw new IllegalStateException(name + " is not an operation of the service model");
            }
            checkTypes(operation.getClass(), spec);
            if (byName.put(name, cast(operation)) != null) {
                throw new IllegalStateException(name + " is implemented twice");
            }
        }
        Map<String, Route> byTarget = new HashMap<>();
        for (OperationSpec<?, ?> spec : ServiceOperations.ALL) {
            byTarget.put(ServiceOperations.TARGET_PREFIX + "." + spec.name(),
                    new Route(cast(spec), byName.get(spec.name())));
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
        OperationSpec<Object, Object> spec = route.spec();
        String region = spec.signed() ? verifier.verify(request, body) : null;
        if (route.operation() == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The operation " + spec.name() + " is not implemented by cognito-emulator yet.");
        }
        services.quotas().admit(spec.name(), region == null ? defaultRegion : region);
        Object input = spec.decode(body);
        if (region != null && input instanceof PoolScoped scoped) {
            inRegion(scoped.userPoolId(), region, spec.name());
        }
        Object output = route.operation().execute(input, new Call(services, requestId,
                region == null ? defaultRegion : region, request.sourceIp(), request.origin()));
        return spec.encode(output);
    }

    /**
     * A signed request names a pool of its region: the pool's primary region is that of its id, and elsewhere only
     * a replica there serves it ({@link Replication}); the primary region costs no look-up.
     */
    private void inRegion(String poolId, String region, String operation) {
        if (poolId != null && !Replication.primaryIn(poolId, region)) {
            services.store().read(poolId, pool -> {
                Replication.admitSecondary(pool, region, operation);
                return null;
            });
        }
    }

    /**
     * Runs an implemented operation for the emulator itself (a seed's entry, a state export): the body decoded and
     * checked against the model as a request's is, no signature; answers the encoded output ({@code {}} for none).
     */
    public byte[] invoke(String operation, byte[] body, String region, String requestId) {
        Route route = routes.get(ServiceOperations.TARGET_PREFIX + "." + operation);
        if (route == null || route.operation() == null) {
            throw new IllegalArgumentException(operation + " is not an implemented operation");
        }
        Object output = route.operation().execute(route.spec().decode(body),
                new Call(services, requestId, region, null));
        return route.spec().encode(output);
    }

    /** The operation's {@code Operation<I, O>} must be the model's input and output types. */
    private static void checkTypes(Class<?> type, OperationSpec<?, ?> spec) {
        for (Type implemented : type.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType p && p.getRawType() == Operation.class) {
                Type[] args = p.getActualTypeArguments();
                if (args[0] != spec.input() || args[1] != spec.output()) {
                    throw new IllegalStateException(type.getSimpleName() + " must be an Operation<"
                            + spec.input().getSimpleName() + ", " + spec.output().getSimpleName() + ">");
                }
                return;
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " must implement Operation directly");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
