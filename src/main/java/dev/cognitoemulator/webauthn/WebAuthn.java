package dev.cognitoemulator.webauthn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.cognitoemulator.domain.Passkeys;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * Passkey ceremonies as Cognito runs them, over webauthn4j (which verifies every attestation and assertion): the
 * options sent to the browser ({@code CredentialCreationOptions}, {@code CREDENTIAL_REQUEST_OPTIONS}) and the
 * verification of what the browser answers ({@code RegistrationResponseJSON}, {@code AuthenticationResponseJSON},
 * the shapes {@code PublicKeyCredential.toJSON()} gives). What is verified: the client data's type, challenge and
 * origin ({@link Passkeys#originAllowed}), the relying party id's hash, user presence, user verification where the
 * pool requires it, the attestation statement (any format, no trust anchor needed), the key's algorithm (ES256 or
 * RS256, the ones offered), the assertion's signature and its counter. Stateless; the manager is thread-safe.
 */
public final class WebAuthn {

    /** What Cognito offers (the aws-cli example start-web-authn-registration.rst): ES256, then RS256. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
    private static final AttestedCredentialDataConverter ATTESTED = new AttestedCredentialDataConverter(CONVERTER);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** Challenges are 32 random bytes. */
    public static final int CHALLENGE_BYTES = 32;

    private WebAuthn() {
    }

    /**
     * StartWebAuthnRegistration's {@code CredentialCreationOptions}, in the shape and key order of the aws-cli example
     * start-web-authn-registration.rst: a discoverable credential is required, the user verification is the pool's,
     * the relying party's name is its id, the user's id is the Base64URL of its {@code sub}, its name and display name
     * its username; the user's passkeys are excluded. No {@code attestation} is asked (the browser's default, none).
     */
    public static ObjectNode creationOptions(UserPool pool, User user, List<WebAuthnCredential> existing,
            String challenge) {
        String rpId = Passkeys.relyingPartyId(pool);
        ObjectNode options = Json.MAPPER.createObjectNode();
        options.putObject("authenticatorSelection").put("requireResidentKey", true).put("residentKey", "required")
                .put("userVerification", Passkeys.userVerification(pool));
        options.put("challenge", challenge);
        ArrayNode exclude = options.putArray("excludeCredentials");
        for (WebAuthnCredential credential : existing) {
            exclude.addObject().put("id", credential.credentialId()).put("type", "public-key");
        }
        ArrayNode algorithms = options.putArray("pubKeyCredParams");
        for (PublicKeyCredentialParameters p : ALGORITHMS) {
            algorithms.addObject().put("alg", p.getAlg().getValue()).put("type", "public-key");
        }
        options.putObject("rp").put("id", rpId).put("name", rpId);
        options.put("timeout", Passkeys.CHALLENGE_TIMEOUT.toMillis());
        options.putObject("user").put("displayName", user.username())
                .put("id", B64URL.encodeToString(user.sub().getBytes(StandardCharsets.UTF_8)))
                .put("name", user.username());
        return options;
    }

    /**
     * The {@code CREDENTIAL_REQUEST_OPTIONS} of a {@code WEB_AUTHN} challenge, as JSON text: the challenge, the pool's
     * relying party and user verification, and the user's passkeys of that relying party as {@code allowCredentials}
     * (keys in the order of the creation options; unconfirmed: no capture of Cognito's is public).
     */
    public static String requestOptions(UserPool pool, List<WebAuthnCredential> credentials, String challenge) {
        String rpId = Passkeys.relyingPartyId(pool);
        ObjectNode options = Json.MAPPER.createObjectNode();
        ArrayNode allow = options.putArray("allowCredentials");
        for (WebAuthnCredential credential : credentials) {
            if (credential.relyingPartyId().equals(rpId)) {
                allow.addObject().put("id", credential.credentialId()).put("type", "public-key");
            }
        }
        options.put("challenge", challenge);
        options.put("rpId", rpId);
        options.put("timeout", Passkeys.CHALLENGE_TIMEOUT.toMillis());
        options.put("userVerification", Passkeys.userVerification(pool));
        return Json.write(options);
    }

    /**
     * Verifies a {@code RegistrationResponseJSON} against the challenge StartWebAuthnRegistration sent, and answers
     * the passkey it registers. Refusals: malformed input {@code InvalidParameterException}; another challenge
     * {@code WebAuthnChallengeNotFoundException}; an origin not of the relying party
     * {@code WebAuthnOriginNotAllowedException}; a credential made for another relying party
     * {@code WebAuthnRelyingPartyMismatchException}; anything else the verification refuses (an algorithm not offered,
     * no user presence, no user verification where required, a bad attestation statement)
     * {@code WebAuthnCredentialNotSupportedException}. Every text is unconfirmed.
     */
    public static WebAuthnCredential register(JsonNode credential, UserPool pool, String sub, String challenge,
            Instant now) {
        if (credential == null || !credential.isObject()) {
            throw invalid("Credential must be a RegistrationResponseJSON object.");
        }
        JsonNode response = credential.path("response");
        byte[] rawId = bytes(credential, "rawId");
        byte[] clientData = bytes(response, "clientDataJSON");
        byte[] attestation = bytes(response, "attestationObject");
        requireCredentialType(credential, rawId);
        Set<String> transports = strings(response.path("transports"));
        String rpId = Passkeys.relyingPartyId(pool);
        RegistrationParameters parameters = new RegistrationParameters(server(rpId, challenge), ALGORITHMS,
                Passkeys.userVerificationRequired(pool), true);
        RegistrationData data;
        try {
            data = MANAGER.verify(new RegistrationRequest(attestation, clientData, extensions(credential), transports),
                    parameters);
        } catch (DataConversionException | JacksonException | IllegalArgumentException e) {
            throw invalid("Credential is not a valid RegistrationResponseJSON.");
        } catch (BadChallengeException | MissingChallengeException e) {
            throw new CognitoException(ErrorCode.WebAuthnChallengeNotFoundException,
                    "The challenge of the credential is not the one of the registration.");
        } catch (BadOriginException | CrossOriginException | BadTopOriginException e) {
            throw new CognitoException(ErrorCode.WebAuthnOriginNotAllowedException,
                    "The origin of the credential is not allowed for the relying party " + rpId + ".");
        } catch (BadRpIdException e) {
            throw new CognitoException(ErrorCode.WebAuthnRelyingPartyMismatchException,
                    "The credential is not for the relying party " + rpId + ".");
        } catch (InconsistentClientDataTypeException e) {
            throw invalid("The credential's client data is not of a registration (webauthn.create).");
        } catch (VerificationException e) {
            throw new CognitoException(ErrorCode.WebAuthnCredentialNotSupportedException,
                    "The credential is not supported: " + e.getMessage());
        }
        AuthenticatorData<?> authenticatorData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
        if (!Arrays.equals(attested.getCredentialId(), rawId)) {
            throw invalid("The credential's rawId is not the id of the credential it attests.");
        }
        String attachment = credential.path("authenticatorAttachment").isTextual()
                ? credential.path("authenticatorAttachment").asText() : null;
        return new WebAuthnCredential(B64URL.encodeToString(rawId), sub, rpId,
                B64URL.encodeToString(ATTESTED.convert(attested)), authenticatorData.getSignCount(),
                Passkeys.friendlyName(attachment), attachment, List.copyOf(transports), now,
                authenticatorData.isFlagUV(), authenticatorData.isFlagBE(), authenticatorData.isFlagBS());
    }

    /**
     * Verifies the {@code CREDENTIAL} answer of a {@code WEB_AUTHN} challenge (an {@code AuthenticationResponseJSON}
     * as JSON text) against the challenge sent and the user's passkey it names, and answers that passkey with the
     * counter and backup state the authenticator reported. Malformed JSON is {@code InvalidParameterException}; a
     * passkey that is not the user's (or not of the pool's relying party), a wrong challenge, origin or relying party,
     * a bad signature, missing user presence or verification, or a counter that did not move on is
     * {@code NotAuthorizedException} (unconfirmed texts; the model gives the sign-in operations no WebAuthn errors).
     */
    public static WebAuthnCredential authenticate(String credentialJson, UserPool pool,
            List<WebAuthnCredential> userCredentials, String challenge) {
        JsonNode credential;
        try {
            credential = credentialJson == null ? null : Json.MAPPER.readTree(credentialJson);
        } catch (IOException e) {
            credential = null;
        }
        if (credential == null || !credential.isObject()) {
            throw invalid("CREDENTIAL must be an AuthenticationResponseJSON object.");
        }
        JsonNode response = credential.path("response");
        byte[] rawId = bytes(credential, "rawId");
        byte[] clientData = bytes(response, "clientDataJSON");
        byte[] authenticatorData = bytes(response, "authenticatorData");
        byte[] signature = bytes(response, "signature");
        byte[] userHandle = response.path("userHandle").isTextual() ? bytes(response, "userHandle") : null;
        requireCredentialType(credential, rawId);
        String rpId = Passkeys.relyingPartyId(pool);
        String id = B64URL.encodeToString(rawId);
        WebAuthnCredential known = null;
        List<byte[]> allowed = new ArrayList<>(userCredentials.size());
        for (WebAuthnCredential c : userCredentials) {
            if (c.relyingPartyId().equals(rpId)) {
                allowed.add(Base64.getUrlDecoder().decode(c.credentialId()));
                if (c.credentialId().equals(id)) {
                    known = c;
                }
            }
        }
        if (known == null) {
            throw refused();
        }
        AuthenticationParameters parameters = new AuthenticationParameters(server(rpId, challenge), record(known),
                allowed, Passkeys.userVerificationRequired(pool), true);
        AuthenticationData data;
        try {
            data = MANAGER.verify(new AuthenticationRequest(rawId, userHandle, authenticatorData, clientData,
                    extensions(credential), signature), parameters);
        } catch (DataConversionException | JacksonException | IllegalArgumentException e) {
            throw invalid("CREDENTIAL is not a valid AuthenticationResponseJSON.");
        } catch (VerificationException e) {
            throw refused();
        }
        AuthenticatorData<?> reported = data.getAuthenticatorData();
        return known.used(reported.getSignCount(), reported.isFlagBS());
    }

    /** A fresh challenge: {@link #CHALLENGE_BYTES} random bytes, Base64URL. */
    public static String challenge(Randomness random) {
        return random.token(CHALLENGE_BYTES);
    }

    private static ServerProperty server(String rpId, String challenge) {
        return ServerProperty.builder()
                .originPredicate(o -> Passkeys.originAllowed(o.getScheme(), o.getHost(), rpId))
                .rpId(rpId).challenge(new DefaultChallenge(Base64.getUrlDecoder().decode(challenge))).build();
    }

    private static CredentialRecord record(WebAuthnCredential credential) {
        AttestedCredentialData attested;
        try {
            attested = ATTESTED.convert(ByteBuffer.wrap(
                    Base64.getUrlDecoder().decode(credential.attestedCredentialData())));
        } catch (WebAuthnException e) {
            throw new IllegalStateException("stored passkey " + credential + " cannot be read", e);
        }
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        credential.transports().forEach(t -> transports.add(AuthenticatorTransport.create(t)));
        return new CredentialRecordImpl(new NoneAttestationStatement(), credential.uvInitialized(),
                credential.backupEligible(), credential.backupState(), credential.signCount(), attested, null, null,
                null, transports);
    }

    /** A PublicKeyCredential's {@code type} is {@code public-key} and its {@code id} is its {@code rawId}. */
    private static void requireCredentialType(JsonNode credential, byte[] rawId) {
        if (!"public-key".equals(credential.path("type").asText(null))) {
            throw invalid("The credential's type must be public-key.");
        }
        String id = credential.path("id").asText(null);
        if (id == null || !Arrays.equals(decode(id, "id"), rawId)) {
            throw invalid("The credential's id must be its rawId.");
        }
    }

    /** {@code clientExtensionResults} as JSON text, or null when the client sent none. */
    private static String extensions(JsonNode credential) {
        JsonNode results = credential.path("clientExtensionResults");
        return results.isObject() ? Json.write(results) : null;
    }

    private static byte[] bytes(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isTextual()) {
            throw invalid("The credential has no " + field + ".");
        }
        return decode(value.asText(), field);
    }

    private static byte[] decode(String base64Url, String field) {
        try {
            return Base64.getUrlDecoder().decode(base64Url);
        } catch (IllegalArgumentException e) {
            throw invalid("The credential's " + field + " is not Base64URL.");
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array.isArray()) {
            array.forEach(v -> {
                if (v.isTextual()) {
                    values.add(v.asText());
                }
            });
        }
        return values;
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }

    private static CognitoException refused() {
        return new CognitoException(ErrorCode.NotAuthorizedException, "Invalid passkey credential.");
    }
}
