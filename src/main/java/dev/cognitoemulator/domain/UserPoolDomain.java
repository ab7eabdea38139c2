package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CustomDomainConfigType;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pool's domain: a prefix ({@code <prefix>.auth.<region>.amazoncognito.com}) or a custom domain (a name the user
 * owns, served with an ACM certificate). A pool has at most one of each; a name belongs to one pool in the whole
 * store.
 *
 * @param custom null for a prefix domain
 * @param managedLoginVersion 1 (hosted UI, classic) or 2 (managed login)
 * @param cloudFrontDistribution the host Cognito serves the domain from (the DNS alias target of a custom domain)
 */
public record UserPoolDomain(String domain, String userPoolId, CustomDomainConfigType custom,
        int managedLoginVersion, String cloudFrontDistribution, Instant creationDate, Instant lastModifiedDate) {

    /** The model's pattern for a prefix (a custom domain is a whole host name: the model's pattern is of a label). */
    private static final Pattern PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
    /** Documented: developer guide, cognito-user-pools-assign-domain-prefix ("can't contain aws, amazon, cognito"). */
    private static final List<String> RESERVED = List.of("aws", "amazon", "cognito");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public boolean isCustom() {
        return custom != null;
    }

    public UserPoolDomain withManagedLoginVersion(int version, Instant now) {
        return new UserPoolDomain(domain, userPoolId, custom, version, cloudFrontDistribution, creationDate, now);
    }

    public UserPoolDomain withCustom(CustomDomainConfigType value, Instant now) {
        return new UserPoolDomain(domain, userPoolId, value, managedLoginVersion, cloudFrontDistribution,
                creationDate, now);
    }

    /** A prefix domain's name: the model's pattern, then no reserved word in it. */
    public static void checkPrefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            // Captured: mineiros-io/terraform-aws-cognito-user-pool#69 (CreateUserPoolDomain against AWS).
            throw invalid("The domain name contains an invalid character. Domain names can only contain lower-case "
                    + "letters, numbers, and hyphens. Please enter a different name that follows this format: "
                    + "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
        }
        for (String word : RESERVED) {
            if (prefix.contains(word)) {
                // Captured: aws-amplify/amplify-cli#1513 ("Domain cannot contain reserved word: aws").
                throw invalid("Domain cannot contain reserved word: " + word);
            }
        }
    }

    /** A custom domain's name: a host name of at least two labels, 253 characters at most (text unconfirmed). */
    public static void checkCustom(String domain) {
        String[] labels = domain.split("\\.", -1);
        boolean valid = domain.length() <= 253 && labels.length >= 2;
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            // Unconfirmed: no capture of AWS's text for a malformed custom domain.
            throw invalid("The custom domain " + domain + " is not a valid domain name.");
        }
    }

    /** ManagedLoginVersion: 1 or 2 (documented: API reference, CreateUserPoolDomain); the text is unconfirmed. */
    public static int checkManagedLoginVersion(Integer version, String tier) {
        if (version == null) {
            return 1;
        }
        if (version != 1 && version != 2) {
            throw invalid("ManagedLoginVersion must be 1 or 2.");
        }
        if (version == 2 && "LITE".equals(tier)) {
            // Documented: managed login needs a feature plan other than Lite; wording as Pools' LITE text, unconfirmed.
            throw new CognitoException(ErrorCode.FeatureUnavailableInTierException,
                    "The following features need to be disabled for the LITE pricing tier configured: Managed Login");
        }
        return version;
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
