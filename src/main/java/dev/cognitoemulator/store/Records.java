package dev.cognitoemulator.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.ChallengeState;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The domain records as the data directory keeps them: JSON by Jackson, generically. A record is written as its
 * components (the model's types under their wire names), instants as ISO-8601 text, byte arrays as Base64, keys
 * as {@code <algorithm>:<Base64 of the X.509 or PKCS#8 encoding>}, a user's attributes as an ordered object, and a
 * challenge's state with its class name (each challenge keeps its own record).
 */
final class Records {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(domainModule())
            .addMixIn(ChallengeState.class, TypedChallengeState.class)
            .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                    .allowIfSubType("dev.cognitoemulator.").build())
            // The components, not the helpers beside them (isCustom(), hasSecret(), ...).
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
            .enable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Records() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The record of that type the JSON holds; {@link JsonProcessingException} when it holds none. */
    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@class")
    private interface TypedChallengeState {
    }

    private static SimpleModule domainModule() {
        SimpleModule module = new SimpleModule("cognito-emulator-records");
        module.addSerializer(Attributes.class, new JsonSerializer<>() {
            @Override
            public void serialize(Attributes value, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeStartObject();
                value.forEach((name, v) -> {
                    try {
                        gen.writeStringField(name, v);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                gen.writeEndObject();
            }
        });
        module.addDeserializer(Attributes.class, new JsonDeserializer<>() {
            @Override
            public Attributes deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.isExpectedStartObjectToken()) {
                    return (Attributes) ctxt.handleUnexpectedToken(Attributes.class, p);
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        return (Attributes) ctxt.handleUnexpectedToken(String.class, p);
                    }
                    values.put(name, p.getText());
                }
                return Attributes.of(values);
            }
        });
        KeySerializer keys = new KeySerializer();
        module.addSerializer(RSAPublicKey.class, keys);
        module.addSerializer(RSAPrivateKey.class, keys);
        module.addSerializer(PrivateKey.class, keys);
        module.addDeserializer(RSAPublicKey.class, new KeyDeserializer<>(RSAPublicKey.class));
        module.addDeserializer(RSAPrivateKey.class, new KeyDeserializer<>(RSAPrivateKey.class));
        module.addDeserializer(PrivateKey.class, new KeyDeserializer<>(PrivateKey.class));
        return module;
    }

    private static final class KeySerializer extends JsonSerializer<Key> {
        @Override
        public void serialize(Key key, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(key.getAlgorithm() + ":" + Base64.getEncoder().encodeToString(key.getEncoded()));
        }
    }

    /** A public key from its X.509 encoding, a private one from its PKCS#8 encoding. */
    private static final class KeyDeserializer<K extends Key> extends JsonDeserializer<K> {
        private final Class<K> type;

        KeyDeserializer(Class<K> type) {
            this.type = type;
        }

        @Override
        public K deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon <= 0) {
                return type.cast(ctxt.handleWeirdStringValue(type, text, "not <algorithm>:<Base64>"));
            }
            try {
                KeyFactory factory = KeyFactory.getInstance(text.substring(0, colon));
                byte[] encoded = Base64.getDecoder().decode(text.substring(colon + 1));
                Key key = PublicKey.class.isAssignableFrom(type)
                        ? factory.generatePublic(new X509EncodedKeySpec(encoded))
                        : factory.generatePrivate(new PKCS8EncodedKeySpec(encoded));
                return type.cast(key);
            } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
                return type.cast(ctxt.handleWeirdStringValue(type, text, "not a key: " + e.getMessage()));
            }
        }
    }
}
