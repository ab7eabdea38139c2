package dev.cognitoemulator.protocol;

import java.util.regex.Pattern;

/**
 * A model pattern, compiled once. Most request strings (pool ids aside) meet single-class patterns such as
 * {@code [\p{L}\p{M}\p{S}\p{N}\p{P}]+} with nothing but printable ASCII; for those patterns that is worked out
 * here, at start-up, so such values are accepted without running the regex.
 */
record ValuePattern(String regex, Pattern compiled, boolean acceptsPrintableAscii) {

    static ValuePattern of(String regex) {
        Pattern compiled = Pattern.compile(regex);
        return new ValuePattern(regex, compiled, singleClassTakingPrintableAscii(regex, compiled));
    }

    boolean matches(String value) {
        return acceptsPrintableAscii && isPrintableAscii(value) || compiled.matcher(value).matches();
    }

    /** {@code [...]+} whose class holds every character from {@code !} to {@code ~}. */
    private static boolean singleClassTakingPrintableAscii(String regex, Pattern compiled) {
        if (!regex.startsWith("[") || !regex.endsWith("]+") || regex.indexOf(']') != regex.length() - 2
                || regex.indexOf('[', 1) >= 0) {
            return false;
        }
        for (char c = '!'; c <= '~'; c++) {
            if (!compiled.matcher(String.valueOf(c)).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintableAscii(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
