package dev.cognitoemulator.operations.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.io.ByteArrayInputStream;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateIdentityProviderRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/**
 * CreateIdentityProvider, DescribeIdentityProvider, UpdateIdentityProvider, DeleteIdentityProvider,
 * ListIdentityProviders and GetIdentityProviderByIdentifier against the SDK. The keys Cognito adds to each type's
 * details are the API reference's Describe samples (CreateIdentityProvider, ProviderDetails); captured texts name
 * their source in ProviderRules and here; the rest are marked unconfirmed there.
 */
class IdentityProvidersTest extends CognitoTestSupport {

    static final Map<String, String> OIDC = Map.of("client_id", "idp-client", "client_secret", "idp-secret",
            "attributes_request_method", "GET", "oidc_issuer", "https://idp.example.com",
            "authorize_scopes", "openid email");
    static final Map<String, String> SOCIAL = Map.of("client_id", "social-client", "client_secret", "social-secret",
            "authorize_scopes", "email profile openid");
    static final String METADATA = """
            <?xml version="1.0"?>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://saml.example.com">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                    Location="https://saml.example.com/slo"/>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                    Location="https://saml.example.com/sso/post"/>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                    Location="https://saml.example.com/sso"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """;

    /** Single sign-on by HTTP-POST only. */
    static final String POST_ONLY = """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://saml.example.com">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                    Location="https://saml.example.com/sso/post"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """;

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    private IdentityProviderType create(String poolId, String name, String type, Map<String, String> details,
            Consumer<CreateIdentityProviderRequest.Builder> more) {
        return cognito.createIdentityProvider(b -> more.accept(b.userPoolId(poolId).providerName(name)
                .providerType(type).providerDetails(details))).identityProvider();
    }

    private IdentityProviderType create(String poolId, String name, String type, Map<String, String> details) {
        return create(poolId, name, type, details, b -> { });
    }

    private IdentityProviderType describe(String poolId, String name) {
        return cognito.describeIdentityProvider(b -> b.userPoolId(poolId).providerName(name)).identityProvider();
    }

    private List<String> names(String poolId) {
        return cognito.listIdentityProviders(b -> b.userPoolId(poolId)).providers().stream()
                .map(ProviderDescription::providerName).toList();
    }

    private static Map<String, String> with(Map<String, String> details, String key, String value) {
        Map<String, String> changed = new HashMap<>(details);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return changed;
    }

    @Test
    void oidcProviderKeepsItsDetailsAndMapsUsernameToSub() {
        String poolId = newPool();

        IdentityProviderType created = create(poolId, "Corp", "OIDC", OIDC,
                b -> b.attributeMapping(Map.of("email", "mail")).idpIdentifiers("corp.example.com"));

        assertThat(created.providerName()).isEqualTo("Corp");
        assertThat(created.providerTypeAsString()).isEqualTo("OIDC");
        assertThat(created.userPoolId()).isEqualTo(poolId);
        assertThat(created.providerDetails()).containsAllEntriesOf(OIDC)
                .contains(entry("attributes_url_add_attributes", "false")).hasSize(OIDC.size() + 1);
        assertThat(created.attributeMapping()).containsExactlyInAnyOrderEntriesOf(
                Map.of("email", "mail", "username", "sub"));
        assertThat(created.idpIdentifiers()).containsExactly("corp.example.com");
        assertThat(created.lastModifiedDate()).isEqualTo(created.creationDate());
        assertThat(describe(poolId, "Corp")).isEqualTo(created);
    }

    @Test
    void oidcEndpointsGivenAreKeptAndNothingIsDiscovered() {
        String poolId = newPool();
        Map<String, String> details = with(with(OIDC, "authorize_url", "http://localhost:1/authorize"),
                "jwks_uri", "http://localhost:1/jwks");

        assertThat(create(poolId, "Local", "OIDC", details).providerDetails())
                .contains(entry("authorize_url", "http://localhost:1/authorize"),
                        entry("jwks_uri", "http://localhost:1/jwks"))
                .doesNotContainKeys("token_url", "attributes_url");
    }

    @Test
    void oidcProviderNeedsItsRequiredDetails() {
        String poolId = newPool();
        for (String key : List.of("client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes")) {
            assertThat(message(awsError("InvalidParameterException",
                    () -> create(poolId, "Corp", "OIDC", with(OIDC, key, null)))))
                    .isEqualTo("client_id, attributes_request_method, oidc_issuer and authorize_scopes are all"
                            + " required idp details");
        }
        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "Corp", "OIDC", with(OIDC, "attributes_request_method", "PUT")))))
                .isEqualTo("attributes_request_method must be GET or POST");
        // client_secret is optional (a public OIDC client)
        assertThat(create(poolId, "Public", "OIDC", with(OIDC, "client_secret", null)).providerDetails())
                .doesNotContainKey("client_secret");
        assertThat(names(poolId)).containsExactly("Public");
    }

    @Test
    void googleProviderGetsGooglesEndpoints() {
        String poolId = newPool();

        IdentityProviderType google = create(poolId, "Google", "Google", SOCIAL);

        assertThat(google.providerDetails()).containsAllEntriesOf(SOCIAL).containsAllEntriesOf(Map.of(
                "attributes_url", "https://people.googleapis.com/v1/people/me?personFields=",
                "attributes_url_add_attributes", "true",
                "authorize_url", "https://accounts.google.com/o/oauth2/v2/auth",
                "oidc_issuer", "https://accounts.google.com",
                "token_request_method", "POST",
                "token_url", "https://www.googleapis.com/oauth2/v4/token"));
        assertThat(google.attributeMapping()).containsExactly(entry("username", "sub"));
    }

    @Test
    void socialEndpointsGivenPointAtAStandIn() {
        String poolId = newPool();

        assertThat(create(poolId, "Google", "Google", with(SOCIAL, "token_url", "http://localhost:1/token"))
                .providerDetails()).contains(entry("token_url", "http://localhost:1/token"));
    }

    @Test
    void facebookAndAmazonProvidersGetTheirEndpointsAndUserIds() {
        String poolId = newPool();

        IdentityProviderType facebook = create(poolId, "Facebook", "Facebook", with(SOCIAL, "api_version", "v17.0"));
        IdentityProviderType amazon = create(poolId, "LoginWithAmazon", "LoginWithAmazon", SOCIAL);

        assertThat(facebook.providerDetails()).containsAllEntriesOf(Map.of(
                "api_version", "v17.0",
                "attributes_url", "https://graph.facebook.com/v17.0/me?fields=",
                "attributes_url_add_attributes", "true",
                "authorize_url", "https://www.facebook.com/v17.0/dialog/oauth",
                "token_request_method", "GET",
                "token_url", "https://graph.facebook.com/v17.0/oauth/access_token"));
        assertThat(facebook.attributeMapping()).containsExactly(entry("username", "id"));
        assertThat(amazon.providerDetails()).containsAllEntriesOf(Map.of(
                "attributes_url", "https://api.amazon.com/user/profile",
                "attributes_url_add_attributes", "false",
                "authorize_url", "https://www.amazon.com/ap/oa",
                "token_request_method", "POST",
                "token_url", "https://api.amazon.com/auth/o2/token"));
        assertThat(amazon.attributeMapping()).containsExactly(entry("username", "user_id"));
    }

    @Test
    void socialProvidersNeedClientIdSecretAndScopes() {
        String poolId = newPool();
        for (String type : List.of("Google", "Facebook", "LoginWithAmazon")) {
            for (String key : SOCIAL.keySet()) {
                // Captured: aws-amplify/amplify-cli#8266.
                assertThat(message(awsError("InvalidParameterException",
                        () -> create(poolId, type, type, with(SOCIAL, key, null)))))
                        .isEqualTo("client_id, client_secret and authorize_scopes are all required idp details");
            }
        }
        assertThat(names(poolId)).isEmpty();
    }

    @Test
    void aSocialProviderIsNamedAfterItsType() {
        String poolId = newPool();

        // Captured: aws/aws-cli#3179.
        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "NameOfGP", "Google", SOCIAL))))
                .isEqualTo("Provider NameOfGP cannot be of type Google.");
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Google", "OIDC", OIDC))))
                .isEqualTo("Provider Google cannot be of type OIDC.");
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Cognito", "OIDC", OIDC))))
                .isEqualTo("Provider Cognito cannot be of type OIDC.");
        assertThat(names(poolId)).isEmpty();
    }

    @Test
    void appleProviderKeepsItsKeyButNeverShowsIt() throws Exception {
        String poolId = newPool();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String key = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        Map<String, String> details = Map.of("client_id", "com.example.app", "team_id", "TEAM", "key_id", "KEY",
                "private_key", key, "authorize_scopes", "email name");

        IdentityProviderType apple = create(poolId, "SignInWithApple", "SignInWithApple", details);

        assertThat(apple.providerDetails()).doesNotContainKey("private_key").containsAllEntriesOf(Map.of(
                "client_id", "com.example.app", "team_id", "TEAM", "key_id", "KEY",
                "attributes_url_add_attributes", "false",
                "authorize_url", "https://appleid.apple.com/auth/authorize",
                "oidc_issuer", "https://appleid.apple.com",
                "token_request_method", "POST",
                "token_url", "https://appleid.apple.com/auth/token"));
        assertThat(describe(poolId, "SignInWithApple").providerDetails()).doesNotContainKey("private_key");
        assertThat(apple.attributeMapping()).containsExactly(entry("username", "sub"));
    }

    @Test
    void appleProviderNeedsAUsableKey() {
        String poolId = newPool();
        Map<String, String> details = Map.of("client_id", "com.example.app", "team_id", "TEAM", "key_id", "KEY",
                "private_key", "not a key", "authorize_scopes", "email name");

        // Captured: aws-amplify/amplify-cli#11526.
        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "SignInWithApple", "SignInWithApple", details))))
                .isEqualTo("Provided private key cannot be used for Sign in with Apple.");
        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "SignInWithApple", "SignInWithApple", with(details, "team_id", null)))))
                .isEqualTo("client_id, team_id, key_id, private_key and authorize_scopes are all required idp"
                        + " details");
        assertThat(names(poolId)).isEmpty();
    }

    @Test
    void samlMetadataFileGivesTheRedirectBindingLocations() {
        String poolId = newPool();

        IdentityProviderType saml = create(poolId, "Okta", "SAML", Map.of("MetadataFile", METADATA,
                "IDPSignout", "true", "RequestSigningAlgorithm", "rsa-sha256"));

        assertThat(saml.providerDetails()).contains(
                entry("SSORedirectBindingURI", "https://saml.example.com/sso"),
                entry("SLORedirectBindingURI", "https://saml.example.com/slo"),
                entry("IDPSignout", "true"), entry("MetadataFile", METADATA));
        // no default username for SAML: the NameID is the subject
        assertThat(saml.attributeMapping()).isEmpty();
    }

    @Test
    void encryptedSamlResponsesGetAnEncryptionCertificateKeptWhileTheyStayEncrypted() throws Exception {
        String poolId = newPool();
        Map<String, String> details = Map.of("MetadataFile", METADATA, "EncryptedResponses", "true");

        IdentityProviderType saml = create(poolId, "Okta", "SAML", details);

        String certificate = saml.providerDetails().get("ActiveEncryptionCertificate");
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
        x509.verify(x509.getPublicKey());
        assertThat(describe(poolId, "Okta").providerDetails()).contains(entry("ActiveEncryptionCertificate",
                certificate));
        assertThat(cognito.updateIdentityProvider(b -> b.userPoolId(poolId).providerName("Okta")
                .providerDetails(with(details, "IDPSignout", "true"))).identityProvider().providerDetails())
                .contains(entry("ActiveEncryptionCertificate", certificate));
        assertThat(cognito.updateIdentityProvider(b -> b.userPoolId(poolId).providerName("Okta")
                .providerDetails(with(details, "EncryptedResponses", "false"))).identityProvider().providerDetails())
                .doesNotContainKey("ActiveEncryptionCertificate");
        assertThat(create(poolId, "Plain", "SAML", Map.of("MetadataFile", METADATA)).providerDetails())
                .doesNotContainKey("ActiveEncryptionCertificate");
    }

    @Test
    void samlMetadataUrlIsKeptAsGiven() {
        String poolId = newPool();

        assertThat(create(poolId, "Adfs", "SAML", Map.of("MetadataURL", "https://adfs.example.com/metadata.xml"))
                .providerDetails()).containsExactly(entry("MetadataURL", "https://adfs.example.com/metadata.xml"));
    }

    @Test
    void samlProvidersAreRefusedWithoutUsableMetadata() {
        String poolId = newPool();

        // Captured: hashicorp/terraform-provider-aws#4815.
        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "Okta", "SAML", Map.of("IDPSignout", "true")))))
                .isEqualTo("At least one of the MetadataURL or MetadataFile should be provided.");
        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "Okta", "SAML", Map.of("MetadataFile", "<not xml")))))
                .isEqualTo("Unable to unmarshall metadata");
        // Captured: ssoready/dummyidp#10.
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Okta", "SAML",
                Map.of("MetadataFile", POST_ONLY)))))
                .isEqualTo("No SingleSignOn Http redirect binding location found in metadata.");
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Okta", "SAML",
                Map.of("MetadataFile", METADATA, "EncryptedResponses", "yes")))))
                .isEqualTo("EncryptedResponses must be true or false");
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Okta", "SAML",
                Map.of("MetadataFile", METADATA, "RequestSigningAlgorithm", "rsa-sha1")))))
                .isEqualTo("RequestSigningAlgorithm must be rsa-sha256");
        assertThat(names(poolId)).isEmpty();
    }

    @Test
    void samlMetadataWithADoctypeIsNeverExpanded() {
        String poolId = newPool();
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + METADATA.substring(METADATA.indexOf("<md:EntityDescriptor")).replace("https://saml.example.com/sso\"",
                        "&x;\"");

        assertThat(message(awsError("InvalidParameterException",
                () -> create(poolId, "Okta", "SAML", Map.of("MetadataFile", hostile)))))
                .isEqualTo("Unable to unmarshall metadata");
        assertThat(names(poolId)).isEmpty();
    }

    @Test
    void aProviderNameIsUniqueInThePool() {
        String poolId = newPool();
        IdentityProviderType first = create(poolId, "Corp", "OIDC", OIDC);

        // Captured: aws-cloudformation/cloudformation-coverage-roadmap#1287.
        assertThat(message(awsError("DuplicateProviderException",
                () -> create(poolId, "Corp", "OIDC", with(OIDC, "client_id", "other")))))
                .isEqualTo("Corp already exists in user pool " + poolId);
        assertThat(describe(poolId, "Corp")).isEqualTo(first);
    }

    @Test
    void attributeMappingTargetsThePoolsAttributes() {
        String poolId = newPool(b -> b.schema(SchemaAttributeType.builder().name("tier")
                .attributeDataType("String").mutable(true).build()));

        assertThat(create(poolId, "Corp", "OIDC", OIDC, b -> b.attributeMapping(Map.of("custom:tier", "tier",
                "email", "email", "username", "oid"))).attributeMapping())
                .containsExactlyInAnyOrderEntriesOf(Map.of("custom:tier", "tier", "email", "email", "username", "oid"));
        // Captured: aws/aws-cli#9729.
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Other", "OIDC", OIDC,
                b -> b.attributeMapping(Map.of("custom:zen_groups", "groups"))))))
                .isEqualTo("AttributeMapping contains invalid mapping: [custom:zen_groups]");
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Other", "OIDC", OIDC,
                b -> b.attributeMapping(Map.of("sub", "sub"))))))
                .isEqualTo("AttributeMapping contains invalid mapping: [sub]");
        assertThat(names(poolId)).containsExactly("Corp");
    }

    @Test
    void idpIdentifiersAreUniqueInThePoolAndFindTheirProvider() {
        String poolId = newPool();
        IdentityProviderType corp = create(poolId, "Corp", "OIDC", OIDC, b -> b.idpIdentifiers("corp", "corp.com"));

        assertThat(cognito.getIdentityProviderByIdentifier(b -> b.userPoolId(poolId).idpIdentifier("corp.com"))
                .identityProvider()).isEqualTo(corp);
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Other", "OIDC", OIDC,
                b -> b.idpIdentifiers("other", "corp")))))
                .isEqualTo("Duplicate IdpIdentifier: corp");
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, "Other", "OIDC", OIDC,
                b -> b.idpIdentifiers("twice", "twice")))))
                .isEqualTo("Duplicate IdpIdentifier: twice");
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.getIdentityProviderByIdentifier(
                b -> b.userPoolId(poolId).idpIdentifier("other")))))
                .isEqualTo("Identity provider with identifier other does not exist.");
        assertThat(names(poolId)).containsExactly("Corp");
    }

    @Test
    void updateReplacesWhatIsGivenAndKeepsTheRest() {
        String poolId = newPool();
        IdentityProviderType old = create(poolId, "Corp", "OIDC", OIDC,
                b -> b.attributeMapping(Map.of("email", "mail")).idpIdentifiers("corp"));
        clock.advance(Duration.ofMinutes(5));

        IdentityProviderType updated = cognito.updateIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")
                .idpIdentifiers("corp.com")).identityProvider();

        assertThat(updated.providerDetails()).isEqualTo(old.providerDetails());
        assertThat(updated.attributeMapping()).isEqualTo(old.attributeMapping());
        assertThat(updated.idpIdentifiers()).containsExactly("corp.com");
        assertThat(updated.creationDate()).isEqualTo(old.creationDate());
        assertThat(updated.lastModifiedDate()).isAfterOrEqualTo(old.creationDate().plus(Duration.ofMinutes(5)));
        // the identifier given up is free again, the new one finds the provider
        assertThat(create(poolId, "Other", "OIDC", OIDC, b -> b.idpIdentifiers("corp")).idpIdentifiers())
                .containsExactly("corp");
        assertThat(cognito.getIdentityProviderByIdentifier(b -> b.userPoolId(poolId).idpIdentifier("corp.com"))
                .identityProvider().providerName()).isEqualTo("Corp");

        IdentityProviderType changed = cognito.updateIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")
                .providerDetails(with(OIDC, "client_id", "new-client")).attributeMapping(Map.of("name", "name")))
                .identityProvider();
        assertThat(changed.providerDetails()).contains(entry("client_id", "new-client"));
        assertThat(changed.attributeMapping()).containsExactlyInAnyOrderEntriesOf(
                Map.of("name", "name", "username", "sub"));
        assertThat(describe(poolId, "Corp")).isEqualTo(changed);
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        String poolId = newPool();
        IdentityProviderType old = create(poolId, "Corp", "OIDC", OIDC);
        create(poolId, "Other", "OIDC", OIDC, b -> b.idpIdentifiers("taken"));

        awsError("InvalidParameterException", () -> cognito.updateIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("Corp").providerDetails(with(OIDC, "oidc_issuer", null))));
        awsError("InvalidParameterException", () -> cognito.updateIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("Corp").attributeMapping(Map.of("nope", "x"))));
        awsError("InvalidParameterException", () -> cognito.updateIdentityProvider(b -> b.userPoolId(poolId)
                .providerName("Corp").idpIdentifiers("taken")));

        assertThat(describe(poolId, "Corp")).isEqualTo(old);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.updateIdentityProvider(
                b -> b.userPoolId(poolId).providerName("Nobody").idpIdentifiers("x")))))
                .isEqualTo("Identity provider Nobody does not exist.");
    }

    @Test
    void deleteRemovesTheProviderAndItsIdentifiers() {
        String poolId = newPool();
        create(poolId, "Corp", "OIDC", OIDC, b -> b.idpIdentifiers("corp"));

        cognito.deleteIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp"));

        assertThat(names(poolId)).isEmpty();
        assertThat(message(awsError("ResourceNotFoundException", () -> describe(poolId, "Corp"))))
                .isEqualTo("Identity provider Corp does not exist.");
        awsError("ResourceNotFoundException", () -> cognito.getIdentityProviderByIdentifier(
                b -> b.userPoolId(poolId).idpIdentifier("corp")));
        assertThat(message(awsError("ResourceNotFoundException",
                () -> cognito.deleteIdentityProvider(b -> b.userPoolId(poolId).providerName("Corp")))))
                .isEqualTo("Identity provider Corp does not exist.");
        assertThat(create(poolId, "Corp", "OIDC", OIDC, b -> b.idpIdentifiers("corp")).idpIdentifiers())
                .containsExactly("corp");
    }

    @Test
    void namesAreMatchedExactly() {
        String poolId = newPool();
        create(poolId, "Corp", "OIDC", OIDC);

        awsError("ResourceNotFoundException", () -> describe(poolId, "corp"));
    }

    @Test
    void listPagesThroughProvidersByName() {
        String poolId = newPool();
        create(poolId, "Gamma", "OIDC", OIDC);
        create(poolId, "Alpha", "OIDC", OIDC);
        IdentityProviderType beta = create(poolId, "Beta", "OIDC", OIDC);

        ListIdentityProvidersResponse first = cognito.listIdentityProviders(b -> b.userPoolId(poolId).maxResults(2));
        ListIdentityProvidersResponse second = cognito.listIdentityProviders(b -> b.userPoolId(poolId).maxResults(2)
                .nextToken(first.nextToken()));

        assertThat(first.providers()).extracting(ProviderDescription::providerName).containsExactly("Alpha", "Beta");
        assertThat(first.providers().get(1)).isEqualTo(ProviderDescription.builder().providerName("Beta")
                .providerType("OIDC").creationDate(beta.creationDate()).lastModifiedDate(beta.lastModifiedDate())
                .build());
        assertThat(first.nextToken()).isNotNull();
        assertThat(second.providers()).extracting(ProviderDescription::providerName).containsExactly("Gamma");
        assertThat(second.nextToken()).isNull();
        assertThat(message(awsError("InvalidParameterException", () -> cognito.listIdentityProviders(
                b -> b.userPoolId(poolId).nextToken("forged")))))
                .startsWith("Paging marker forged is invalid for request ");
    }

    @Test
    void anUnknownPoolIsNotFound() {
        assertThat(message(awsError("ResourceNotFoundException", () -> create(NO_POOL, "Corp", "OIDC", OIDC))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
        awsError("ResourceNotFoundException", () -> cognito.listIdentityProviders(b -> b.userPoolId(NO_POOL)));
        awsError("ResourceNotFoundException", () -> describe(NO_POOL, "Corp"));
    }
}
