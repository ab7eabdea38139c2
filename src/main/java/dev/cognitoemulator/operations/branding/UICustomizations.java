package dev.cognitoemulator.operations.branding;

import dev.cognitoemulator.domain.UICustomization;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UICustomizationType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classic hosted UI branding: what CSS and logo images Cognito takes, and how it answers a customization. */
final class UICustomizations {

    /**
     * The classes the classic hosted UI lets a stylesheet style (documented: Cognito developer guide, "Hosted UI
     * (classic) branding", CSS customization classes; idpDescription-customizable from the console's CSS template).
     */
    static final Set<String> CLASSES = Set.of("background-customizable", "banner-customizable",
            "errorMessage-customizable", "idpButton-customizable", "idpButton-customizable:hover",
            "idpDescription-customizable", "inputField-customizable", "inputField-customizable:focus",
            "label-customizable", "legalText-customizable", "logo-customizable",
            "passwordCheck-notValid-customizable", "passwordCheck-valid-customizable", "redirect-customizable",
            "socialButton-customizable", "submitButton-customizable", "submitButton-customizable:hover",
            "textDescription-customizable");

    /** Documented: "The logo image file must be PNG or JPG and smaller than 100 KB" (developer guide). */
    static final int MAX_IMAGE_BYTES = 100 * 1024;

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private UICustomizations() {
    }

    /**
     * Every rule must style only the customizable classes, one class per selector ({@code .label-customizable}),
     * with no at-rules and nothing outside a rule. The wording of the refusals is unconfirmed.
     */
    static void checkCss(String css) {
        if (css == null) {
            return;
        }
        String text = COMMENT.matcher(css).replaceAll(" ");
        Matcher rule = RULE.matcher(text);
        int end = 0;
        while (rule.find()) {
            if (!text.substring(end, rule.start()).isBlank()) {
                throw invalidCss();
            }
            for (String selector : rule.group(1).split(",")) {
                String s = selector.strip();
                if (!s.startsWith(".") || !CLASSES.contains(s.substring(1))) {
                    throw new CognitoException(ErrorCode.InvalidParameterException,
                            "The CSS selector " + s + " is not customizable.");
                }
            }
            end = rule.end();
        }
        if (!text.substring(end).isBlank()) {
            throw invalidCss();
        }
    }

    private static CognitoException invalidCss() {
        return new CognitoException(ErrorCode.InvalidParameterException, "The CSS is not valid.");
    }

    /** A PNG or JPEG file of at most 100 KB, by its bytes; the wording of the refusals is unconfirmed. */
    static void checkImage(byte[] image) {
        if (image == null) {
            return;
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "The image file must be smaller than 100 KB.");
        }
        if (!png(image) && !jpeg(image)) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "The image file must be a PNG or JPEG image.");
        }
    }

    private static boolean png(byte[] b) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (b[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean jpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    /**
     * A customization as Cognito answers it. CSSVersion is the time the CSS was set (unconfirmed form). ImageUrl is
     * left out: the emulator does not serve the image.
     */
    static UICustomizationType type(UICustomization c, String poolId) {
        return UICustomizationType.builder()
                .userPoolId(poolId)
                .clientId(c.clientId())
                .css(c.css())
                .cssVersion(c.css() == null ? null : VERSION.format(c.modified()))
                .creationDate(c.created())
                .lastModifiedDate(c.modified())
                .build();
    }
}
