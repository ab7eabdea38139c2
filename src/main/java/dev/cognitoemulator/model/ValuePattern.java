package dev.cognitoemulator.model;

import java.util.regex.Pattern;

/**
 * A model pattern, compiled once, and two ways around running it on every request: single-class patterns
 * such as {@code [\p{L}\p{M}\p{S}\p{N}\p{P}]+} that take every printable ASCII character (worked out here, at
 * start-up) accept such values at once; and the last value the regex accepted (most requests name the same
 * pool, whose id pattern backtracks) is accepted again without it.
 */
final class ValuePattern {

    private final String regex;
    private final Pattern compiled;
    private final boolean acceptsPrintableAscii;
    private volatile String lastAccepted;

    private ValuePattern(String regex, Pattern compiled, boolean acceptsPrintableAscii) {
        this.regex = regex;
        this.compiled = compiled;
        this.acceptsPrintableAscii = acceptsPrintableAscii;
    }

    static ValuePattern of(String regex) {
        Pattern compiled = Pattern.compile(regex);
        return new ValuePattern(regex, compiled, singleClassTakingPrintableAscii(regex, compiled));
    }

    String regex() {
        return regex;
    }

    Pattern compiled() {
        return compiled;
    }

    boolean acceptsPrintableAscii() {
        return acceptsPrintableAscii;
    }

    boolean matches(String value) {
        if (acceptsPrintableAscii && isPrintableAscii(value) || value.equals(lastAccepted)) {
            return true;
        }
        if (compiled.matcher(value).matches()) {
            lastAccepted = value;
            return true;
        }
        return false;
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
