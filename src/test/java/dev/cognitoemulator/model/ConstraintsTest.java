package dev.cognitoemulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding and model-driven validation with AWS's texts (reference/cognito-errors.md, "Format rules" 3 and section 3),
 * through the generated codec and constraints of each operation's input. Messages carry their source where they
 * were captured from AWS; the rest follow the same rules and say "unconfirmed".
 */
class ConstraintsTest {

    private static OperationSpec<?, ?> spec(String operation) {
        return ServiceOperations.ALL.stream().filter(s -> s.name().equals(operation)).findFirst().orElseThrow();
    }

    private static void validate(String operation, String body) {
        spec(operation).decode(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static CognitoException refusal(String operation, String body) {
        try {
            validate(operation, body);
        } catch (CognitoException e) {
            return e;
        }
        throw new AssertionError(operation + " accepted " + body);
    }

    private static void assertInvalid(String operation, String body, String message) {
        CognitoException e = refusal(operation, body);
        assertThat(e.code()).isEqualTo(ErrorCode.InvalidParameterException);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static void assertValid(String operation, String body) {
        assertThatCode(() -> validate(operation, body)).doesNotThrowAnyException();
    }

    private static final String VALID_DELETE_ATTRIBUTES =
            "{'UserPoolId':'us-east-1_abc123','Username':'jane','UserAttributeNames':['custom:a']}";

    // --- required members ----------------------------------------------------------------------------------

    @Test
    void reportsEveryMissingRequiredMemberSortedByPath() {
        assertInvalid("AdminDeleteUserAttributes", "{}", "3 validation errors detected: "
                + "Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'username' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void treatsAJsonNullMemberAsMissing() {
        assertInvalid("AdminDeleteUserAttributes",
                "{'UserPoolId':null,'Username':'jane','UserAttributeNames':['custom:a']}",
                "1 validation error detected: "
                        + "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void reportsAMissingRequiredMemberOfANestedStructureWithADottedPath() {
        // Shape as captured for smsConfiguration.externalId (aws-cloudformation/cfn-lint#237), which today's model
        // no longer requires; userPoolAddOns.advancedSecurityMode is required now.
        assertInvalid("CreateUserPool", "{'PoolName':'p','UserPoolAddOns':{}}", "1 validation error detected: "
                + "Value null at 'userPoolAddOns.advancedSecurityMode' failed to satisfy constraint: "
                + "Member must not be null");
    }

    // --- strings -------------------------------------------------------------------------------------------

    @Test
    void reportsAPoolIdThatDoesNotMatchThePattern() {
        // Captured: anomalyco/guide#127 (AdminConfirmSignUp).
        assertInvalid("AdminDeleteUserAttributes",
                "{'UserPoolId':'bad','Username':'jane','UserAttributeNames':['custom:a']}",
                "1 validation error detected: Value 'bad' at 'userPoolId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
    }

    @Test
    void matchesPatternsAgainstTheWholeValue() {
        assertThat(refusal("AdminDeleteUserAttributes",
                "{'UserPoolId':'us-east-1_abc!','Username':'jane','UserAttributeNames':[]}").getMessage())
                .contains("Value 'us-east-1_abc!' at 'userPoolId'");
    }

    @Test
    void reportsLengthBeforePatternForTheSameMember() {
        // Order as captured for SignUp (amazon-archives/amazon-cognito-identity-js#388): length, then pattern.
        assertInvalid("AdminDeleteUserAttributes",
                "{'UserPoolId':'','Username':'jane','UserAttributeNames':[]}", "2 validation errors detected: "
                        + "Value '' at 'userPoolId' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; "
                        + "Value '' at 'userPoolId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
    }

    @Test
    void doesNotEchoTheValuesOfSensitiveMembers() {
        // Captured (amazon-archives/amazon-cognito-identity-js#388, 2017) with the model of the day, when Password
        // also had min 6; today's PasswordType has no minimum, hence three errors instead of four.
        assertInvalid("SignUp", "{'ClientId':'client1','Username':'','Password':''}", "3 validation errors detected: "
                + "Value at 'password' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\S]+; "
                + "Value at 'username' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1; "
                + "Value at 'username' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    }

    @Test
    void doesNotEchoASensitiveUsernameThatIsTooLong() {
        String username = "u".repeat(129);
        assertInvalid("AdminDeleteUserAttributes",
                "{'UserPoolId':'us-east-1_abc123','Username':'" + username + "','UserAttributeNames':[]}",
                "1 validation error detected: Value at 'username' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
    }

    @Test
    void doesNotEchoASensitiveClientId() {
        CognitoException e = refusal("SignUp", "{'ClientId':'not a client!','Username':'jane'}");
        assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value at 'clientId' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [\\w+]+").doesNotContain("not a client");
    }

    @Test
    void doesNotEchoASensitiveValueNestedInAListOfStructures() {
        // Path style as captured for schema.1.member.name (aws/aws-cdk#14175); AttributeValueType is sensitive.
        String value = "v".repeat(2049);
        assertInvalid("AdminUpdateUserAttributes", "{'UserPoolId':'us-east-1_abc123','Username':'jane',"
                        + "'UserAttributes':[{'Name':'name','Value':'ok'},{'Name':'email','Value':'" + value + "'}]}",
                "1 validation error detected: Value at 'userAttributes.2.member.value' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 2048");
    }

    // --- enums ---------------------------------------------------------------------------------------------

    private static final Pattern ENUM_SET = Pattern.compile("Member must satisfy enum value set: \\[(.*)]$");

    @Test
    void reportsAValueOutsideTheEnumWithTheWholeValueSet() {
        CognitoException e = refusal("CreateUserPool", "{'PoolName':'p','MfaConfiguration':'false'}");
        assertThat(e.code()).isEqualTo(ErrorCode.InvalidParameterException);
        assertThat(e.getMessage()).startsWith("1 validation error detected: Value 'false' at 'mfaConfiguration' failed "
                + "to satisfy constraint: Member must satisfy enum value set: [");
        Matcher set = ENUM_SET.matcher(e.getMessage());
        assertThat(set.find()).isTrue();
        // No quotes around the values (moto's ['A', 'B'] is not AWS's), joined by ", ".
        assertThat(new TreeSet<>(Set.of(set.group(1).split(", ")))).containsExactly("OFF", "ON", "OPTIONAL");
    }

    @Test
    @Disabled("BUG: enum values are listed in the model's order [OFF, ON, OPTIONAL]; AWS answered "
            + "[OPTIONAL, OFF, ON] (captured, rosberglinhares/CloudFormationCognitoCustomResources#1). AWS's order is "
            + "neither the model's, nor alphabetical, nor Java HashSet order for every captured set (see the "
            + "ExplicitAuthFlows capture in aws-solutions/media-insights-on-aws#199), so it needs a per-enum table")
    void listsTheMfaConfigurationEnumInAwsOrder() {
        assertInvalid("CreateUserPool", "{'PoolName':'p','MfaConfiguration':'false'}", "1 validation error detected: "
                + "Value 'false' at 'mfaConfiguration' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [OPTIONAL, OFF, ON]");
    }

    // --- lists ---------------------------------------------------------------------------------------------

    @Test
    void reportsAStringTooLongInsideAListOfStructuresWithItsIndexedPath() {
        // Captured: aws/aws-cdk#14175.
        assertInvalid("CreateUserPool", "{'PoolName':'p','Schema':[{'Name':'phone_number_verified'}]}",
                "1 validation error detected: Value 'phone_number_verified' at 'schema.1.member.name' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 20");
    }

    @Test
    void indexesListItemsFromOne() {
        assertThat(refusal("CreateUserPool", "{'PoolName':'p','Schema':[{'Name':'ok'},{'Name':'ok2'},"
                + "{'Name':'x','AttributeDataType':'Text'}]}").getMessage())
                .contains("Value 'Text' at 'schema.3.member.attributeDataType'");
    }

    @Test
    void reportsTheLengthOfAListAtTheListsPath() {
        // Unconfirmed text: the list rendered as Java renders it.
        assertThat(refusal("CreateUserPool", "{'PoolName':'p','Schema':[]}").getMessage())
                .isEqualTo("1 validation error detected: Value '[]' at 'schema' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void reportsAnAttributeNameTooLongInAListOfStrings() {
        String name = "custom:" + "n".repeat(26);
        assertThat(name).hasSize(33);
        CognitoException e = refusal("AdminDeleteUserAttributes",
                "{'UserPoolId':'us-east-1_abc123','Username':'jane','UserAttributeNames':['" + name + "']}");
        assertThat(e.code()).isEqualTo(ErrorCode.InvalidParameterException);
        assertThat(e.getMessage()).startsWith("1 validation error detected: ")
                .contains("Member must have length less than or equal to 32");
    }

    @Test
    void reportsAnAttributeNameTooLongAtTheListPathAsAwsDoes() {
        // Form captured for lists of strings: aws/aws-cli#2894 (logoutURLs/callbackURLs, 2017) and, for an enum
        // member, aws-solutions/media-insights-on-aws#199 (explicitAuthFlows). Inner order max, min, pattern as
        // in aws/aws-cli#2894.
        String name = "custom:" + "n".repeat(26);
        assertInvalid("AdminDeleteUserAttributes",
                "{'UserPoolId':'us-east-1_abc123','Username':'jane','UserAttributeNames':['email','" + name + "']}",
                "1 validation error detected: Value '[email, " + name + "]' at 'userAttributeNames' failed to "
                        + "satisfy constraint: Member must satisfy constraint: [Member must have length less than or "
                        + "equal to 32, Member must have length greater than or equal to 1, Member must satisfy "
                        + "regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+]");
    }

    @Test
    void reportsABadCallbackUrlAtTheListPathAsAwsDoes() {
        assertInvalid("CreateUserPoolClient", "{'UserPoolId':'us-east-1_abc123','ClientName':'web',"
                        + "'CallbackURLs':['https://ok.example','has space']}",
                "1 validation error detected: Value '[https://ok.example, has space]' at 'callbackURLs' failed to "
                        + "satisfy constraint: Member must satisfy constraint: [Member must have length less than or "
                        + "equal to 1024, Member must have length greater than or equal to 1, Member must satisfy "
                        + "regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+]");
    }

    @Test
    void acceptsAnEmptyListOfAttributeNames() {
        // API reference: UserAttributeNames may be empty.
        assertValid("AdminDeleteUserAttributes",
                "{'UserPoolId':'us-east-1_abc123','Username':'jane','UserAttributeNames':[]}");
    }

    // --- numbers -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0,greater than or equal to 1", "61,less than or equal to 60", "-5,greater than or equal to 1"})
    void reportsAnIntegerOutOfRange(String value, String constraint) {
        assertInvalid("ListUserPools", "{'MaxResults':" + value + "}", "1 validation error detected: Value '" + value
                + "' at 'maxResults' failed to satisfy constraint: Member must have value " + constraint);
    }

    @Test
    void acceptsIntegersAtTheBoundsOfTheRange() {
        assertValid("ListUserPools", "{'MaxResults':1}");
        assertValid("ListUserPools", "{'MaxResults':60}");
    }

    // --- JSON types ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "ListUserPools|{'MaxResults':'10'}",
        "ListUserPools|{'MaxResults':1.5}",
        "ListUserPools|{'MaxResults':true}",
        "ListUserPools|{'MaxResults':12345678901}",
        "ListUserPools|{'MaxResults':{}}",
        "ListUserPools|{'MaxResults':[10]}",
        "AdminDeleteUserAttributes|{'UserPoolId':5,'Username':'jane','UserAttributeNames':[]}",
        "AdminDeleteUserAttributes|{'UserPoolId':'us-east-1_abc123','Username':'jane','UserAttributeNames':'email'}",
        "AdminDeleteUserAttributes|{'UserPoolId':'us-east-1_abc123','Username':'jane','UserAttributeNames':[1]}",
        "CreateUserPool|{'PoolName':'p','Schema':[{'Mutable':'yes'}]}",
        "CreateUserPool|{'PoolName':'p','Schema':{'Name':'x'}}",
        "CreateUserPool|{'PoolName':'p','UserPoolTags':['a']}",
        "CreateUserPool|{'PoolName':'p','UserPoolTags':{'k':1}}",
        "CreateUserPool|{'PoolName':'p','Policies':'strong'}",
        "ListUserPools|[]",
        "ListUserPools|'text'",
    })
    void refusesAMemberOfTheWrongJsonTypeAsSerializationException(String operation, String body) {
        CognitoException e = refusal(operation, body);
        assertThat(e.code()).isEqualTo(ErrorCode.SerializationException);
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void namesTheJsonTypeFoundInSerializationMessages() {
        // Coral's wording (unconfirmed for Cognito).
        assertThat(refusal("ListUserPools", "{'MaxResults':'10'}").getMessage())
                .isEqualTo("STRING_VALUE can not be converted to an Integer");
        assertThat(refusal("AdminDeleteUserAttributes",
                "{'UserPoolId':5,'Username':'jane','UserAttributeNames':[]}").getMessage())
                .isEqualTo("NUMBER_VALUE can not be converted to a String");
        assertThat(refusal("ListUserPools", "{'MaxResults':{}}").getMessage())
                .isEqualTo("Start of structure or map found where not expected.");
        assertThat(refusal("ListUserPools", "{'MaxResults':[1]}").getMessage())
                .isEqualTo("Start of list found where not expected.");
    }

    @Test
    void reportsTypeMismatchesBeforeConstraintViolations() {
        CognitoException e = refusal("AdminDeleteUserAttributes",
                "{'UserPoolId':'bad','Username':'jane','UserAttributeNames':'email'}");
        assertThat(e.code()).isEqualTo(ErrorCode.SerializationException);
    }

    // --- unknown members and documents ---------------------------------------------------------------------

    @Test
    void ignoresUnknownMembersAtEveryLevel() {
        assertValid("AdminDeleteUserAttributes", "{'UserPoolId':'us-east-1_abc123','Username':'jane',"
                + "'UserAttributeNames':['email'],'Bogus':{'x':[1,2]},'userPoolId':7}");
        assertValid("CreateUserPool", "{'PoolName':'p','Schema':[{'Name':'n','Unknown':true}],'Extra':null}");
    }

    @Test
    void checksMapKeysAndValues() {
        // The path of a map entry is unconfirmed; the constraint text follows the string rules.
        CognitoException e = refusal("CreateUserPool", "{'PoolName':'p','UserPoolTags':{'k':'" + "v".repeat(257)
                + "'}}");
        assertThat(e.code()).isEqualTo(ErrorCode.InvalidParameterException);
        assertThat(e.getMessage()).startsWith("1 validation error detected: ")
                .contains("Member must have length less than or equal to 256");
        CognitoException key = refusal("CreateUserPool", "{'PoolName':'p','UserPoolTags':{'':'v'}}");
        assertThat(key.getMessage()).contains("Member must have length greater than or equal to 1");
    }

    @Test
    void acceptsAValidRequestOfEveryShapeKind() {
        assertValid("CreateUserPool", "{'PoolName':'my pool','MfaConfiguration':'OPTIONAL',"
                + "'Policies':{'PasswordPolicy':{'MinimumLength':8,'RequireNumbers':true}},"
                + "'Schema':[{'Name':'tenant','AttributeDataType':'String','Mutable':true,"
                + "'StringAttributeConstraints':{'MinLength':'1','MaxLength':'20'}}],"
                + "'UserPoolTags':{'env':'test'},'AutoVerifiedAttributes':['email']}");
    }
}
