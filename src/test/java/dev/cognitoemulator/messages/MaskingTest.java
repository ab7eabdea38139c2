package dev.cognitoemulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CodeDeliveryDetails.Destination as Cognito masks it (self-service.md section 2): an e-mail's first character and its
 * domain's, three stars each, no TLD (captured: floci sign-up.happy, moto's AWS-verified tests, aws-sdk-ios#4837); a
 * phone number's last four digits, one star for each other digit (captured*: fs:32913506154, amplify-js#2341).
 */
class MaskingTest {

    @ParameterizedTest
    @CsvSource({
        "fixture@example.com, f***@e***",
        "test@test.com, t***@t***",
        "a@b, a***@b***",
        "User.Name+tag@Sub.Example.co.uk, U***@S***"})
    void email(String address, String masked) {
        assertThat(Masking.mask(Message.EMAIL, address)).isEqualTo(masked);
    }

    /** Nothing of an address without both a local part and a domain is shown. */
    @ParameterizedTest
    @CsvSource({"nobody", "@example.com", "nobody@"})
    void malformedEmailIsAllStars(String address) {
        assertThat(Masking.mask(Message.EMAIL, address)).isEqualTo("***");
    }

    @ParameterizedTest
    @CsvSource({
        "+15550100123, +*******0123",
        "+5511987654516, +*********4516",
        "+447700901824, +********1824",
        "+12345, +*2345"})
    void phoneNumber(String number, String masked) {
        assertThat(Masking.mask(Message.SMS, number)).isEqualTo(masked);
    }

    @Test
    void noDestinationIsNone() {
        assertThat(Masking.mask(Message.EMAIL, null)).isNull();
        assertThat(Masking.mask(Message.SMS, null)).isNull();
    }
}
