package dev.cognitoemulator.messages;

/**
 * How Cognito shows where a code went ({@code CodeDeliveryDetails.Destination}, and the log): the first character of an
 * e-mail's local part and of its domain, the rest as {@code ***}; the last four digits of a phone number.
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(String medium, String destination) {
        if (destination == null) {
            return null;
        }
        return Message.EMAIL.equals(medium) ? email(destination) : phone(destination);
    }

    static String email(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return "***";
        }
        return address.charAt(0) + "***@" + address.charAt(at + 1) + "***";
    }

    static String phone(String number) {
        if (number.length() <= 4) {
            return "+" + "*".repeat(number.length());
        }
        return "+" + "*".repeat(number.length() - 5) + number.substring(number.length() - 4);
    }
}
