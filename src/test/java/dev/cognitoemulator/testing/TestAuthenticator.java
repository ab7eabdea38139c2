package dev.cognitoemulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The test's own passkey authenticator: one EC key pair (P-256 with ES256, or P-384 with ES384 for a credential
 * Cognito does not offer), a random credential id and a counter, answering creation and request options with the
 * JSON a browser's {@code PublicKeyCredential.toJSON()} gives (attestation format {@code none}). Each answer can be
 * bent ({@link Ceremony}) into the kinds of wrong answers a server must refuse.
 */
public final class TestAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a ceremony puts in its answer; a test changes any of it before it is signed. */
    public static final class Ceremony {
        public String type;
        public String challenge;
        public String origin;
        public String rpId;
        public boolean userPresent = true;
        public boolean userVerified = true;
        /** The counter to report; null: one more than the last. */
        public Long counter;
        public String attachment = "platform";
        /** Flip a bit of the signature (assertions). */
        public boolean badSignature;
    }

    private final KeyPair keys;
    private final COSEAlgorithmIdentifier algorithm;
    private final byte[] credentialId;
    private long counter;

    private TestAuthenticator(String curve, COSEAlgorithmIdentifier algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.algorithm = algorithm;
        this.credentialId = new byte[32];
        new SecureRandom().nextBytes(credentialId);
    }

    /** An authenticator with an ES256 key, as every platform authenticator has. */
    public static TestAuthenticator es256() {
        return new TestAuthenticator("secp256r1", COSEAlgorithmIdentifier.ES256);
    }

    /** An authenticator whose key is ES384, which Cognito's options do not offer. */
    public static TestAuthenticator es384() {
        return new TestAuthenticator("secp384r1", COSEAlgorithmIdentifier.ES384);
    }

    /** The credential id, Base64URL. */
    public String credentialId() {
        return B64URL.encodeToString(credentialId);
    }

    /** A RegistrationResponseJSON for these CredentialCreationOptions, made at {@code origin}. */
    public ObjectNode register(JsonNode options, String origin) {
        return register(options, origin, c -> { });
    }

    public ObjectNode register(JsonNode options, String origin, Consumer<Ceremony> bend) {
        Ceremony c = new Ceremony();
        c.type = "webauthn.create";
        c.challenge = options.path("challenge").asText();
        c.origin = origin;
        c.rpId = options.path("rp").path("id").asText();
        c.counter = 0L;
        bend.accept(c);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), algorithm));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(c.rpId),
                (byte) (flags(c) | AuthenticatorData.BIT_AT), c.counter, attested);
        byte[] attestation = new AttestationObjectConverter(CONVERTER).convertToBytes(
                new AttestationObject(data, new NoneAttestationStatement()));
        ObjectNode credential = credential(c.attachment);
        ObjectNode response = credential.putObject("response");
        response.put("clientDataJSON", B64URL.encodeToString(clientData(c)));
        response.put("attestationObject", B64URL.encodeToString(attestation));
        response.putArray("transports").add("internal");
        return credential;
    }

    /** An AuthenticationResponseJSON (as JSON text) for these CREDENTIAL_REQUEST_OPTIONS, made at {@code origin}. */
    public String authenticate(String requestOptions, String origin) {
        return authenticate(requestOptions, origin, c -> { });
    }

    public String authenticate(String requestOptions, String origin, Consumer<Ceremony> bend) {
        JsonNode options;
        try {
            options = JSON.readTree(requestOptions);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        Ceremony c = new Ceremony();
        c.type = "webauthn.get";
        c.challenge = options.path("challenge").asText();
        c.origin = origin;
        c.rpId = options.path("rpId").asText();
        bend.accept(c);
        long count = c.counter == null ? counter + 1 : c.counter;
        counter = Math.max(counter, count);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(sha256(c.rpId), flags(c), count));
        byte[] clientData = clientData(c);
        byte[] signature = sign(authenticatorData, clientData);
        if (c.badSignature) {
            signature[signature.length - 1] ^= 1;
        }
        ObjectNode credential = credential(c.attachment);
        ObjectNode response = credential.putObject("response");
        response.put("clientDataJSON", B64URL.encodeToString(clientData));
        response.put("authenticatorData", B64URL.encodeToString(authenticatorData));
        response.put("signature", B64URL.encodeToString(signature));
        return credential.toString();
    }

    private ObjectNode credential(String attachment) {
        ObjectNode credential = JSON.createObjectNode();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        if (attachment != null) {
            credential.put("authenticatorAttachment", attachment);
        }
        credential.putObject("clientExtensionResults");
        return credential;
    }

    private static byte flags(Ceremony c) {
        return (byte) ((c.userPresent ? AuthenticatorData.BIT_UP : 0) | (c.userVerified ? AuthenticatorData.BIT_UV : 0));
    }

    private static byte[] clientData(Ceremony c) {
        ObjectNode data = JSON.createObjectNode();
        data.put("type", c.type);
        data.put("challenge", c.challenge);
        data.put("origin", c.origin);
        data.put("crossOrigin", false);
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] authenticatorData, byte[] clientData) {
        try {
            Signature signer = Signature.getInstance(algorithm == COSEAlgorithmIdentifier.ES256 ? "SHA256withECDSA"
                    : "SHA384withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
