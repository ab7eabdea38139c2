package dev.cognitoemulator.auth;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;

/**
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/cognito-idp/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=5fa0...}, parsed. Malformed headers are reported as AWS reports
 * them: {@code IncompleteSignatureException} listing every missing part.
 */
record AuthorizationHeader(String accessKey, String date, String region, String service, String terminator,
        String credentialScope, String signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /**
     * @param hasDate whether the request carries X-Amz-Date or Date: AWS names a missing date in the same
     *                message as missing header parts (aws/chalice#828)
     */
    static AuthorizationHeader parse(String header, boolean hasDate) {
        if (!header.startsWith(ALGORITHM + " ")) {
            int space = header.indexOf(' ');
            String algorithm = space < 0 ? header : header.substring(0, space);
            throw new CognitoException(ErrorCode.IncompleteSignatureException,
                    "Unsupported AWS 'algorithm': '" + algorithm + "'");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        // Parts are split by hand (indexOf, no split arrays): this runs on every signed request.
        for (int start = ALGORITHM.length() + 1, end; start < header.length(); start = end + 1) {
            end = header.indexOf(',', start);
            end = end < 0 ? header.length() : end;
            int from = start;
            int to = end;
            while (from < to && header.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && header.charAt(to - 1) <= ' ') {
                to--;
            }
            if (from == to) {
                continue;
            }
            int eq = header.indexOf('=', from);
            if (eq < 0 || eq >= to) {
                // Captured from a Coral JSON 1.1 service: iann0036/cloud9-sync#10.
                throw new CognitoException(ErrorCode.IncompleteSignatureException, "'" + header.substring(from, to)
                        + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + header
                        + "'.");
            }
            if (header.startsWith("Credential=", from) && eq == from + 10) {
                credential = header.substring(eq + 1, to);
            } else if (header.startsWith("SignedHeaders=", from) && eq == from + 13) {
                signedHeaders = header.substring(eq + 1, to);
            } else if (header.startsWith("Signature=", from) && eq == from + 9) {
                signature = header.substring(eq + 1, to);
            }
        }
        StringBuilder missing = new StringBuilder();
        if (credential == null) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (missing.length() > 0 && !hasDate) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new CognitoException(ErrorCode.IncompleteSignatureException,
                    missing + "Authorization=" + header);
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty()) {
            throw new CognitoException(ErrorCode.IncompleteSignatureException,
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                            + credential + "'");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], scope[4],
                credential.substring(scope[0].length() + 1), signedHeaders, signature);
    }
}
