package dev.cognitoemulator.operations.branding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UICustomizationType;

/**
 * GetUICustomization / SetUICustomization: the pool's customization (ClientId absent or ALL), a client's own, the
 * fallback of a client without one to the pool's, an empty object when neither has one (documented: API reference),
 * CSS held to the customizable classes (documented: developer guide's class list), the logo PNG or JPEG up to 100 KB
 * (documented: developer guide). Unconfirmed: the texts of the CSS and image refusals, CSSVersion's form.
 */
class UICustomizationTest extends CognitoTestSupport {

    private static final String CSS = ".label-customizable { font-weight: 400; }\n"
            + "/* a comment */ .submitButton-customizable, .submitButton-customizable:hover { color: #fff; }";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    private UICustomizationType get(String poolId, String clientId) {
        return cognito.getUICustomization(b -> b.userPoolId(poolId).clientId(clientId)).uiCustomization();
    }

    @Test
    void nothingSetAnswersAnEmptyObject() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        assertThat(get(poolId, null)).isEqualTo(UICustomizationType.builder().build());
        assertThat(get(poolId, clientId)).isEqualTo(UICustomizationType.builder().build());
    }

    @Test
    void thePoolsCustomizationIsSetWithoutClientIdAndServesClientsWithoutTheirOwn() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        UICustomizationType set = cognito.setUICustomization(b -> b.userPoolId(poolId).css(CSS)
                .imageFile(SdkBytes.fromByteArray(PNG))).uiCustomization();
        assertThat(set.userPoolId()).isEqualTo(poolId);
        assertThat(set.clientId()).isEqualTo("ALL");
        assertThat(set.css()).isEqualTo(CSS);
        assertThat(set.cssVersion()).isNotBlank();
        assertThat(set.creationDate()).isNotNull().isEqualTo(set.lastModifiedDate());
        assertThat(get(poolId, null)).isEqualTo(set);
        assertThat(get(poolId, "ALL")).isEqualTo(set);
        assertThat(get(poolId, clientId)).isEqualTo(set);

        clock.advance(Duration.ofMinutes(5));
        UICustomizationType again = cognito.setUICustomization(b -> b.userPoolId(poolId).clientId("ALL")
                .css(".logo-customizable { max-width: 60%; }")).uiCustomization();
        assertThat(again.creationDate()).isEqualTo(set.creationDate());
        assertThat(again.lastModifiedDate()).isAfter(set.lastModifiedDate());
        assertThat(again.cssVersion()).isNotEqualTo(set.cssVersion());
        assertThat(get(poolId, clientId).css()).isEqualTo(".logo-customizable { max-width: 60%; }");
    }

    @Test
    void aClientsOwnCustomizationOverridesThePoolsForThatClientOnly() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        String other = newClient(poolId, b -> { }).clientId();
        cognito.setUICustomization(b -> b.userPoolId(poolId).css(CSS));
        UICustomizationType own = cognito.setUICustomization(b -> b.userPoolId(poolId).clientId(clientId)
                .imageFile(SdkBytes.fromByteArray(JPEG))).uiCustomization();
        assertThat(own.clientId()).isEqualTo(clientId);
        assertThat(own.css()).isNull();
        assertThat(own.cssVersion()).isNull();
        assertThat(get(poolId, clientId)).isEqualTo(own);
        assertThat(get(poolId, other).clientId()).isEqualTo("ALL");
        assertThat(get(poolId, null).css()).isEqualTo(CSS);
    }

    @Test
    void aDeletedClientsCustomizationGoesWithIt() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> { }).clientId();
        cognito.setUICustomization(b -> b.userPoolId(poolId).clientId(clientId).css(CSS));
        cognito.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId));
        assertThat(message(awsError("ResourceNotFoundException", () -> get(poolId, clientId))))
                .isEqualTo("User pool client " + clientId + " does not exist.");
    }

    @Test
    void anUnknownPoolOrClientIsResourceNotFound() {
        String poolId = newPool();
        assertThat(message(awsError("ResourceNotFoundException",
                () -> cognito.setUICustomization(b -> b.userPoolId(NO_POOL).css(CSS)))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
        assertThat(message(awsError("ResourceNotFoundException",
                () -> cognito.setUICustomization(b -> b.userPoolId(poolId).clientId("nosuchclient").css(CSS)))))
                .isEqualTo("User pool client nosuchclient does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> get(NO_POOL, null))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> get(poolId, "nosuchclient"))))
                .isEqualTo("User pool client nosuchclient does not exist.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"body { color: red; }", ".label-customizable, div { color: red; }",
        ".my-class { color: red; }", "@media (max-width: 600px) { .label-customizable { color: red; } }"})
    void cssStylingAnythingButTheCustomizableClassesIsRefusedAndChangesNothing(String css) {
        String poolId = newPool();
        cognito.setUICustomization(b -> b.userPoolId(poolId).css(CSS));
        CognitoIdentityProviderException e = awsError("InvalidParameterException",
                () -> cognito.setUICustomization(b -> b.userPoolId(poolId).css(css)));
        assertThat(message(e)).matches("The CSS selector .+ is not customizable\\.|The CSS is not valid\\.");
        assertThat(get(poolId, null).css()).isEqualTo(CSS);
    }

    @Test
    void cssWithTextOutsideARuleIsRefused() {
        String poolId = newPool();
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.setUICustomization(b -> b.userPoolId(poolId).css(".label-customizable { } junk")))))
                .isEqualTo("The CSS is not valid.");
        assertThat(get(poolId, null)).isEqualTo(UICustomizationType.builder().build());
    }

    @Test
    void theLogoMustBeAPngOrJpegOfAtMost100Kb() {
        String poolId = newPool();
        assertThat(message(awsError("InvalidParameterException", () -> cognito.setUICustomization(b ->
                b.userPoolId(poolId).imageFile(SdkBytes.fromUtf8String("GIF89a not a png"))))))
                .isEqualTo("The image file must be a PNG or JPEG image.");
        byte[] big = Arrays.copyOf(PNG, 100 * 1024 + 1);
        assertThat(message(awsError("InvalidParameterException", () -> cognito.setUICustomization(b ->
                b.userPoolId(poolId).imageFile(SdkBytes.fromByteArray(big))))))
                .isEqualTo("The image file must be smaller than 100 KB.");
        assertThat(get(poolId, null)).isEqualTo(UICustomizationType.builder().build());
        byte[] largest = Arrays.copyOf(PNG, 100 * 1024);
        assertThat(cognito.setUICustomization(b -> b.userPoolId(poolId)
                .imageFile(SdkBytes.fromByteArray(largest))).uiCustomization().clientId()).isEqualTo("ALL");
    }

    @Test
    void cssOverTheModelsLengthIsRefusedByTheModel() {
        String poolId = newPool();
        String css = ".label-customizable { color: red; }" + " ".repeat(131072);
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.setUICustomization(b -> b.userPoolId(poolId).css(css)))))
                .startsWith("1 validation error detected: Value '").contains("at 'cSS' failed to satisfy constraint");
    }

    /** A blob is shown as the ByteBuffer AWS's front end holds it in (captured: aws/aws-sdk-js-v3#2310). */
    @Test
    void aLogoOverTheModelsLengthIsShownAsAwsShowsBlobs() {
        String poolId = newPool();
        byte[] huge = Arrays.copyOf(PNG, 131073);
        assertThat(message(awsError("InvalidParameterException", () -> cognito.setUICustomization(b ->
                b.userPoolId(poolId).imageFile(SdkBytes.fromByteArray(huge))))))
                .isEqualTo("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=131073 cap=131073]' "
                        + "at 'imageFile' failed to satisfy constraint: Member must have length less than or equal to "
                        + "131072");
        assertThat(get(poolId, null)).isEqualTo(UICustomizationType.builder().build());
    }
}
