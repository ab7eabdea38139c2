package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cognito's rules for an identity provider's configuration, once: which name a type may have, the
 * {@code ProviderDetails} each type needs and the keys Cognito adds to them, the attributes a mapping may target and
 * its default {@code username}, and the IdP identifiers. Nothing is fetched: an OIDC issuer's discovery document and
 * a SAML {@code MetadataURL} are not read, so the endpoints are the ones given.
 */
public final class ProviderRules {

    /** The name of the pool's own users in AdminLinkProviderForUser and AdminDisableProviderForUser. */
    public static final String COGNITO = "Cognito";

    private ProviderRules() {
    }

    /** Checks the name against the type: a social provider is named after its type, and only it has that name. */
    public static void checkName(String name, ProviderType type) {
        ProviderType named = ProviderType.of(name);
        boolean socialName = named != null && named.social();
        if (type.social() ? !name.equals(type.name()) : socialName || name.equals(COGNITO)) {
            // Captured: aws/aws-cli#3179 (a Google provider named otherwise); for OIDC and SAML providers named
            // after a social type or Cognito the same text is unconfirmed.
            throw invalid("Provider " + name + " cannot be of type " + type.name() + ".");
        }
    }

    /** The details as Cognito keeps them: checked for the type, with the keys Cognito adds. */
    public static Map<String, String> details(ProviderType type, Map<String, String> given) {
        TreeMap<String, String> details = new TreeMap<>(given);
        switch (type) {
            case Google -> {
                requireSocial(details);
                details.putIfAbsent("attributes_url", "https://people.googleapis.com/v1/people/me?personFields=");
                details.putIfAbsent("attributes_url_add_attributes", "true");
                details.putIfAbsent("authorize_url", "https://accounts.google.com/o/oauth2/v2/auth");
                details.putIfAbsent("oidc_issuer", "https://accounts.google.com");
                details.putIfAbsent("token_request_method", "POST");
                details.putIfAbsent("token_url", "https://www.googleapis.com/oauth2/v4/token");
            }
            case Facebook -> {
                requireSocial(details);
                String version = details.containsKey("api_version") ? details.get("api_version") + "/" : "";
                details.putIfAbsent("attributes_url", "https://graph.facebook.com/" + version + "me?fields=");
                details.putIfAbsent("attributes_url_add_attributes", "true");
                details.putIfAbsent("authorize_url", "https://www.facebook.com/" + version + "dialog/oauth");
                details.putIfAbsent("token_request_method", "GET");
                details.putIfAbsent("token_url", "https://graph.facebook.com/" + version + "oauth/access_token");
            }
            case LoginWithAmazon -> {
                requireSocial(details);
                details.putIfAbsent("attributes_url", "https://api.amazon.com/user/profile");
                details.putIfAbsent("attributes_url_add_attributes", "false");
                details.putIfAbsent("authorize_url", "https://www.amazon.com/ap/oa");
                details.putIfAbsent("token_request_method", "POST");
                details.putIfAbsent("token_url", "https://api.amazon.com/auth/o2/token");
            }
            case SignInWithApple -> {
                if (missing(details, "client_id", "team_id", "key_id", "private_key", "authorize_scopes")) {
                    // Unconfirmed: worded as the captured text of the other social providers.
                    throw invalid("client_id, team_id, key_id, private_key and authorize_scopes are all required"
                            + " idp details");
                }
                checkApplePrivateKey(details.get("private_key"));
                details.putIfAbsent("attributes_url_add_attributes", "false");
                details.putIfAbsent("authorize_url", "https://appleid.apple.com/auth/authorize");
                details.putIfAbsent("oidc_issuer", "https://appleid.apple.com");
                details.putIfAbsent("token_request_method", "POST");
                details.putIfAbsent("token_url", "https://appleid.apple.com/auth/token");
            }
            case OIDC -> {
                if (missing(details, "client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes")) {
                    // Unconfirmed: worded as the captured text of the social providers.
                    throw invalid("client_id, attributes_request_method, oidc_issuer and authorize_scopes are all"
                            + " required idp details");
                }
                String method = details.get("attributes_request_method");
                if (!method.equals("GET") && !method.equals("POST")) {
                    // Unconfirmed text; GET and POST are the documented values.
                    throw invalid("attributes_request_method must be GET or POST");
                }
                details.putIfAbsent("attributes_url_add_attributes", "false");
            }
            case SAML -> saml(details);
            default -> throw new IllegalArgumentException(type.name());
        }
        return details;
    }

    /** Whether the details ask for encrypted SAML responses (and so for an encryption certificate). */
    public static boolean encrypted(ProviderType type, Map<String, String> details) {
        return type == ProviderType.SAML && "true".equals(details.get("EncryptedResponses"));
    }

    /**
     * The details as every answer shows them: Apple's private key left out, a SAML provider's encryption
     * certificate added as {@code ActiveEncryptionCertificate} (both as in the API reference's Describe samples).
     */
    public static Map<String, String> shown(IdentityProvider provider) {
        TreeMap<String, String> shown = new TreeMap<>(provider.details());
        shown.remove("private_key");
        if (provider.encryption() != null) {
            shown.put("ActiveEncryptionCertificate", Base64.getEncoder().encodeToString(provider.encryption().der()));
        }
        return shown;
    }

    /**
     * The mapping as Cognito keeps it: every key a schema attribute of the pool (or {@code username}), and
     * {@code username} mapped to the provider's user id when not given.
     */
    public static Map<String, String> attributeMapping(UserPool pool, ProviderType type, Map<String, String> given) {
        List<String> invalid = new ArrayList<>();
        for (String key : given.keySet()) {
            if (!key.equals("username") && (key.equals("sub") || pool.attribute(key) == null)) {
                invalid.add(key);
            }
        }
        if (!invalid.isEmpty()) {
            // Captured: aws/aws-cli#9729.
            throw invalid("AttributeMapping contains invalid mapping: " + invalid);
        }
        TreeMap<String, String> mapping = new TreeMap<>(given);
        String id = userId(type);
        if (id != null) {
            // Unconfirmed default; the claims are the ones AdminLinkProviderForUser's reference names as each
            // provider's user id.
            mapping.putIfAbsent("username", id);
        }
        return mapping;
    }

    /**
     * The identifiers, checked: each once, and none held by another provider of the pool ({@code except} is the
     * provider being updated).
     */
    public static List<String> idpIdentifiers(PoolView pool, String except, List<String> given) {
        Set<String> seen = new LinkedHashSet<>();
        for (String identifier : given) {
            IdentityProvider holder = pool.identityProviderByIdentifier(identifier);
            if (!seen.add(identifier) || holder != null && !holder.name().equals(except)) {
                // Unconfirmed: AWS's text is not public.
                throw invalid("Duplicate IdpIdentifier: " + identifier);
            }
        }
        return List.copyOf(seen);
    }

    private static String userId(ProviderType type) {
        return switch (type) {
            case Facebook -> "id";
            case LoginWithAmazon -> "user_id";
            case SAML -> null;
            default -> "sub";
        };
    }

    private static void requireSocial(Map<String, String> details) {
        if (missing(details, "client_id", "client_secret", "authorize_scopes")) {
            // Captured: aws-amplify/amplify-cli#8266.
            throw invalid("client_id, client_secret and authorize_scopes are all required idp details");
        }
    }

    private static void saml(TreeMap<String, String> details) {
        String file = details.get("MetadataFile");
        if (details.get("MetadataURL") == null && file == null) {
            // Captured: hashicorp/terraform-provider-aws#4815.
            throw invalid("At least one of the MetadataURL or MetadataFile should be provided.");
        }
        for (String flag : List.of("IDPSignout", "IDPInit", "EncryptedResponses")) {
            String value = details.get(flag);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                // Unconfirmed text; the documented values are "true" and "false".
                throw invalid(flag + " must be true or false");
            }
        }
        String algorithm = details.get("RequestSigningAlgorithm");
        if (algorithm != null && !algorithm.equals("rsa-sha256")) {
            // Unconfirmed text; rsa-sha256 is the one documented value.
            throw invalid("RequestSigningAlgorithm must be rsa-sha256");
        }
        if (file != null) {
            SamlMetadata metadata = SamlMetadata.parse(file);
            details.put("SSORedirectBindingURI", metadata.ssoRedirectUri());
            if (metadata.sloRedirectUri() != null) {
                details.put("SLORedirectBindingURI", metadata.sloRedirectUri());
            }
        }
    }

    /** Apple's key (a .p8 file: PKCS#8, EC P-256), with or without its PEM lines. */
    private static void checkApplePrivateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            // Captured: aws-amplify/amplify-cli#11526.
            throw invalid("Provided private key cannot be used for Sign in with Apple.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no EC keys", e);
        }
    }

    private static boolean missing(Map<String, String> details, String... keys) {
        for (String key : keys) {
            String value = details.get(key);
            if (value == null || value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
