package dev.cognitoemulator.operations.terms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListTermsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsEnforcementType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsSourceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TermsType;

/**
 * Terms documents: CreateTerms, DescribeTerms, UpdateTerms, DeleteTerms, ListTerms; names unique to the app client
 * (documented: TermsExistsException), the model's rules on names, languages and links, a deleted client's terms
 * going with it. Unconfirmed: the texts of the refusals, ListTerms' default page size.
 */
class TermsTest extends CognitoTestSupport {

    private static final Map<String, String> LINKS = Map.of("cognito:default", "https://example.com/terms",
            "cognito:spanish", "https://example.com/es/terms");

    private TermsType create(String poolId, String clientId, String name) {
        return cognito.createTerms(b -> b.userPoolId(poolId).clientId(clientId).termsName(name)
                .termsSource(TermsSourceType.LINK).enforcement(TermsEnforcementType.NONE).links(LINKS)).terms();
    }

    private TermsType describe(String poolId, String id) {
        return cognito.describeTerms(b -> b.userPoolId(poolId).termsId(id)).terms();
    }

    @Test
    void createdTermsAreDescribedAndListed() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        TermsType terms = create(poolId, clientId, "terms-of-use");
        assertThat(terms.termsId()).matches(Attributes.UUID);
        assertThat(terms.userPoolId()).isEqualTo(poolId);
        assertThat(terms.clientId()).isEqualTo(clientId);
        assertThat(terms.termsName()).isEqualTo("terms-of-use");
        assertThat(terms.termsSource()).isEqualTo(TermsSourceType.LINK);
        assertThat(terms.enforcement()).isEqualTo(TermsEnforcementType.NONE);
        assertThat(terms.links()).isEqualTo(LINKS);
        assertThat(terms.creationDate()).isNotNull().isEqualTo(terms.lastModifiedDate());
        assertThat(describe(poolId, terms.termsId())).isEqualTo(terms);
        assertThat(cognito.listTerms(b -> b.userPoolId(poolId)).terms()).containsExactly(TermsDescriptionType
                .builder().termsId(terms.termsId()).termsName("terms-of-use").enforcement(TermsEnforcementType.NONE)
                .creationDate(terms.creationDate()).lastModifiedDate(terms.lastModifiedDate()).build());
    }

    @Test
    void namesAreUniqueToTheClient() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        String other = newClient(poolId, b -> { }).clientId();
        create(poolId, clientId, "terms-of-use");
        TermsType privacy = create(poolId, clientId, "privacy-policy");
        create(poolId, other, "terms-of-use");
        assertThat(message(awsError("TermsExistsException", () -> create(poolId, clientId, "terms-of-use"))))
                .isEqualTo("Terms terms-of-use already exist for client " + clientId + ".");
        assertThat(message(awsError("TermsExistsException", () -> cognito.updateTerms(b -> b.userPoolId(poolId)
                .termsId(privacy.termsId()).termsName("terms-of-use")))))
                .isEqualTo("Terms terms-of-use already exist for client " + clientId + ".");
        assertThat(describe(poolId, privacy.termsId())).isEqualTo(privacy);
        assertThat(cognito.listTerms(b -> b.userPoolId(poolId)).terms()).hasSize(3);
    }

    @Test
    void updateChangesWhatItGives() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        TermsType terms = create(poolId, clientId, "terms-of-use");
        Map<String, String> links = Map.of("cognito:default", "https://example.com/v2");
        TermsType updated = cognito.updateTerms(b -> b.userPoolId(poolId).termsId(terms.termsId()).links(links))
                .terms();
        assertThat(updated.links()).isEqualTo(links);
        assertThat(updated.termsName()).isEqualTo("terms-of-use");
        assertThat(updated.creationDate()).isEqualTo(terms.creationDate());
        TermsType renamed = cognito.updateTerms(b -> b.userPoolId(poolId).termsId(terms.termsId())
                .termsName("privacy-policy")).terms();
        assertThat(renamed.termsName()).isEqualTo("privacy-policy");
        assertThat(renamed.links()).isEqualTo(links);
        assertThat(describe(poolId, terms.termsId())).isEqualTo(renamed);
    }

    @Test
    void deletedTermsAreGone() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        TermsType terms = create(poolId, clientId, "terms-of-use");
        cognito.deleteTerms(b -> b.userPoolId(poolId).termsId(terms.termsId()));
        String gone = "Terms " + terms.termsId() + " does not exist.";
        assertThat(message(awsError("ResourceNotFoundException", () -> describe(poolId, terms.termsId()))))
                .isEqualTo(gone);
        assertThat(message(awsError("ResourceNotFoundException",
                () -> cognito.deleteTerms(b -> b.userPoolId(poolId).termsId(terms.termsId()))))).isEqualTo(gone);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.updateTerms(
                b -> b.userPoolId(poolId).termsId(terms.termsId()).links(LINKS))))).isEqualTo(gone);
        assertThat(cognito.listTerms(b -> b.userPoolId(poolId)).terms()).isEmpty();
        assertThat(create(poolId, clientId, "terms-of-use").termsId()).isNotEqualTo(terms.termsId());
    }

    @Test
    void aDeletedClientsTermsGoWithIt() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        String other = newClient(poolId, b -> { }).clientId();
        TermsType terms = create(poolId, clientId, "terms-of-use");
        TermsType kept = create(poolId, other, "terms-of-use");
        cognito.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId));
        assertThat(message(awsError("ResourceNotFoundException", () -> describe(poolId, terms.termsId()))))
                .isEqualTo("Terms " + terms.termsId() + " does not exist.");
        assertThat(cognito.listTerms(b -> b.userPoolId(poolId)).terms()).extracting(TermsDescriptionType::termsId)
                .containsExactly(kept.termsId());
    }

    @Test
    void theModelsRulesAndTheLinksAreChecked() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        assertThat(message(awsError("InvalidParameterException", () -> create(poolId, clientId, "cookies"))))
                .isEqualTo("1 validation error detected: Value 'cookies' at 'termsName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: "
                        + "^(terms-of-use|privacy-policy)$");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.createTerms(b -> b.userPoolId(poolId)
                .clientId(clientId).termsName("terms-of-use").termsSource(TermsSourceType.LINK)
                .enforcement(TermsEnforcementType.NONE).links(Map.of("cognito:klingon", "https://example.com"))))))
                .startsWith("1 validation error detected: ").contains("'links'");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.createTerms(b -> b.userPoolId(poolId)
                .clientId(clientId).termsName("terms-of-use").termsSource(TermsSourceType.LINK)
                .enforcement(TermsEnforcementType.NONE)))))
                .isEqualTo("Links are required when TermsSource is LINK.");
        assertThat(message(awsError("InvalidParameterException", () -> describe(poolId, "not-an-id"))))
                .startsWith("1 validation error detected: Value 'not-an-id' at 'termsId' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern");
        assertThat(cognito.listTerms(b -> b.userPoolId(poolId)).terms()).isEmpty();
    }

    @Test
    void unknownPoolClientOrTerms() {
        String poolId = newPool();
        String unknown = "0b1c2d3e-4f50-4a61-8b72-0c8d9eafb0c1";
        assertThat(message(awsError("ResourceNotFoundException", () -> create(poolId, "nosuchclient",
                "terms-of-use")))).isEqualTo("User pool client nosuchclient does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> create(NO_POOL, "nosuchclient",
                "terms-of-use")))).isEqualTo("User pool " + NO_POOL + " does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> describe(poolId, unknown))))
                .isEqualTo("Terms " + unknown + " does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.listTerms(b -> b.userPoolId(NO_POOL)))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
    }

    @Test
    void listTermsPagesInAStableOrder() {
        String poolId = newPool();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String clientId = newClient(poolId, b -> { }).clientId();
            ids.add(create(poolId, clientId, "terms-of-use").termsId());
            ids.add(create(poolId, clientId, "privacy-policy").termsId());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTermsResponse page = cognito.listTerms(b -> b.userPoolId(poolId).maxResults(4).nextToken(next));
            assertThat(page.terms()).hasSizeLessThanOrEqualTo(4);
            page.terms().forEach(t -> seen.add(t.termsId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.listTerms(b -> b.userPoolId(poolId).nextToken("forged")))))
                .startsWith("Paging marker forged is invalid for request ");
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.listTerms(b -> b.userPoolId(poolId).maxResults(61)))))
                .isEqualTo("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60");
    }
}
