package dev.cognitoemulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated codec on the wire: what it reads, what it refuses and how, what it writes. */
class WireTest {

    private static CognitoException refusal(String body) {
        CognitoException e = catchThrowableOfType(CognitoException.class, () -> Wire.decode(
                body.getBytes(StandardCharsets.UTF_8), Codec::readListUserPoolsRequest));
        assertThat(e).as(body).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.SerializationException);
        return e;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{|Malformed JSON: the body ends inside a JSON value.",
        "{\"MaxResults\":10} trailing|Malformed JSON at line 1, column 19.",
        "{}{}|Malformed JSON: the body holds more than one JSON value.",
        "[]|Start of list found where not expected.",
        "\"text\"|STRING_VALUE can not be converted to a Structure",
        "null|NULL_VALUE can not be converted to a Structure",
        "{\"MaxResults\":1.5}|NUMBER_VALUE can not be converted to an Integer",
        "{\"MaxResults\":12345678901}|NUMBER_VALUE can not be converted to an Integer",
        "{\"MaxResults\":true}|TRUE_VALUE can not be converted to an Integer",
    })
    void refusesWithPlainTexts(String body, String message) {
        assertThat(refusal(body).getMessage()).isEqualTo(message);
    }

    @Test
    void aBodyNestedTooDeeplyIsRefusedWithoutNamingTheParsersLimits() {
        String deep = "{\"Unknown\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        String message = refusal(deep).getMessage();

        assertThat(message).startsWith("The request body exceeds the limits of a JSON request")
                .doesNotContain("StreamReadConstraints").doesNotContain("Jackson").doesNotContain("FAIL_ON");
    }

    @Test
    void anEmptyBodyIsAnObjectWithoutMembers() {
        ListUserPoolsRequest request = Wire.decode(new byte[0], Codec::readListUserPoolsRequest);

        assertThat(request.maxResults()).isNull();
        assertThat(request.nextToken()).isNull();
    }

    @Test
    void unknownMembersAndNullsAreSkipped() {
        ListUserPoolsRequest request = Wire.decode(("{\"MaxResults\":5,\"maxResults\":\"x\",\"Other\":{\"a\":[1,"
                + "{\"b\":null}]},\"NextToken\":null}").getBytes(StandardCharsets.UTF_8),
                Codec::readListUserPoolsRequest);

        assertThat(request.maxResults()).isEqualTo(5);
        assertThat(request.nextToken()).isNull();
    }

    @Test
    void timestampsAreEpochSecondsWithMilliseconds() {
        GroupType group = new GroupType(Instant.ofEpochMilli(1_700_000_000_123L), null, "g",
                Instant.ofEpochSecond(1_700_000_000L), null, null, "us-east-1_abc");

        String json = new String(Wire.encode(group, Codec::writeGroupType), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"CreationDate\":1.700000000123E9,\"GroupName\":\"g\","
                + "\"LastModifiedDate\":1.7E9,\"UserPoolId\":\"us-east-1_abc\"}");
        GroupType read = Wire.decode(json.getBytes(StandardCharsets.UTF_8), Codec::readGroupType);
        assertThat(read.creationDate()).isEqualTo(group.creationDate());
    }

    @Test
    void listsAndMapsKeepTheirOrderAndNullItems() {
        AdminDeleteUserAttributesRequest request = Wire.decode(("{\"UserAttributeNames\":[\"b\",null,\"a\"]}")
                .getBytes(StandardCharsets.UTF_8), Codec::readAdminDeleteUserAttributesRequest);

        assertThat(request.userAttributeNames()).containsExactly("b", null, "a");
        Violations violations = new Violations();
        Constraints.checkAdminDeleteUserAttributesRequest(request, "", false, violations);
        assertThat(violations.message()).contains("Value null at 'userAttributeNames.2.member' failed to satisfy "
                + "constraint: Member must not be null");
    }

    @Test
    void everyOperationOfTheModelIsInTheTable() {
        assertThat(ServiceOperations.ALL).hasSize(129);
        assertThat(ServiceOperations.ALL.stream().filter(s -> !s.signed()).map(OperationSpec::name))
                .contains("InitiateAuth", "SignUp", "GetUser").doesNotContain("AdminGetUser");
        assertThat(ServiceOperations.ALL.stream().filter(s -> s.output() == Void.class).map(OperationSpec::name)
                .toList()).contains("DeleteUserPool", "AdminDeleteUser").hasSize(13);
        OperationSpec<?, ?> describe = ServiceOperations.ALL.stream()
                .filter(s -> s.name().equals("DescribeUserPool")).findFirst().orElseThrow();
        assertThat(describe.errors()).contains("ResourceNotFoundException", "InvalidParameterException");
        assertThat(List.of(AuthFlowType.VALUES)).isNotEmpty();
        assertThat(AuthFlowType.USER_SRP_AUTH).isEqualTo("USER_SRP_AUTH");
    }
}
