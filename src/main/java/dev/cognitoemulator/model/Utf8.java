package dev.cognitoemulator.model;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;

/**
 * Refuses a body that is not well-formed UTF-8 (RFC 3629): overlong forms ({@code C0 AF} for {@code /}), surrogates,
 * code points above U+10FFFF, truncated or stray continuation bytes. JSON's parser would decode those silently. A
 * NUL byte is refused too: JSON has no place for one, and it would make the parser guess UTF-16 or UTF-32.
 */
final class Utf8 {

    private Utf8() {
    }

    static void check(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                throw new CognitoException(ErrorCode.SerializationException,
                        "Malformed JSON: the body holds a NUL byte.");
            }
            int length = sequenceLength(bytes, i);
            if (length < 0) {
                throw new CognitoException(ErrorCode.SerializationException,
                        "The request body is not well-formed UTF-8 (at byte " + i + ").");
            }
            i += length;
        }
    }

    /** The length of the well-formed multi-byte sequence at {@code i}, or -1 (Unicode 15, table 3-7). */
    private static int sequenceLength(byte[] bytes, int i) {
        int lead = bytes[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;
            high = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return -1;
        }
        if (i + length > bytes.length) {
            return -1;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < low || second > high) {
            return -1;
        }
        for (int j = 2; j < length; j++) {
            int next = bytes[i + j] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return -1;
            }
        }
        return length;
    }
}
