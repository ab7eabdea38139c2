package dev.cognitoemulator.operations.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolDomainResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CustomDomainConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolDomainResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain, DeleteUserPoolDomain, and the domains in
 * DescribeUserPool and DeleteUserPool, against the SDK. Names are unique store-wide, so each test takes its own.
 */
class DomainsTest extends CognitoTestSupport {

    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/abcd-1234";
    private static final String OTHER_CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/efgh-5678";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    private static String name() {
        return "my-app-" + NAMES.incrementAndGet();
    }

    private static CustomDomainConfigType certificate(String arn) {
        return CustomDomainConfigType.builder().certificateArn(arn).build();
    }

    private DomainDescriptionType describe(String domain) {
        return cognito.describeUserPoolDomain(b -> b.domain(domain)).domainDescription();
    }

    @Test
    void prefixDomainIsDescribedActiveWithNoCloudFrontDomainInTheAnswer() {
        String poolId = newPool();
        String prefix = name();

        CreateUserPoolDomainResponse created = cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));

        // Captured: aws/aws-sdk-net#1591 (a prefix domain answers no CloudFrontDomain).
        assertThat(created.cloudFrontDomain()).isNull();
        assertThat(created.managedLoginVersion()).isEqualTo(1);
        DomainDescriptionType d = describe(prefix);
        assertThat(d.userPoolId()).isEqualTo(poolId);
        assertThat(d.domain()).isEqualTo(prefix);
        assertThat(d.awsAccountId()).matches("[0-9]{12}");
        assertThat(d.status()).isEqualTo(DomainStatusType.ACTIVE);
        assertThat(d.cloudFrontDistribution()).matches("d[a-z0-9]{13}\\.cloudfront\\.net");
        assertThat(d.version()).matches("[0-9]{14}");
        assertThat(d.managedLoginVersion()).isEqualTo(1);
        // Captured: aws-cli examples/cognito-idp/describe-user-pool-domain.rst ("CustomDomainConfig": {}).
        assertThat(d.customDomainConfig()).isNotNull();
        assertThat(d.customDomainConfig().certificateArn()).isNull();
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().domain()).isEqualTo(prefix);
    }

    @Test
    void customDomainAnswersItsCloudFrontDomainAndIsShownAsTheCustomDomain() {
        String poolId = newPool();
        String host = "auth." + name() + ".example.com";

        CreateUserPoolDomainResponse created = cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(host)
                .customDomainConfig(certificate(CERTIFICATE)).managedLoginVersion(2));

        assertThat(created.cloudFrontDomain()).matches("d[a-z0-9]{13}\\.cloudfront\\.net");
        assertThat(created.managedLoginVersion()).isEqualTo(2);
        DomainDescriptionType d = describe(host);
        assertThat(d.domain()).isEqualTo(host);
        assertThat(d.cloudFrontDistribution()).isEqualTo(created.cloudFrontDomain());
        assertThat(d.customDomainConfig().certificateArn()).isEqualTo(CERTIFICATE);
        assertThat(d.managedLoginVersion()).isEqualTo(2);
        var pool = cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
        assertThat(pool.customDomain()).isEqualTo(host);
        assertThat(pool.domain()).isNull();
    }

    @Test
    void aPoolHasOnePrefixDomainAndOneCustomDomain() {
        String poolId = newPool();
        String prefix = name();
        String host = "login." + name() + ".example.org";
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(host)
                .customDomainConfig(certificate(CERTIFICATE)));

        String second = name();
        var e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain(second)));
        assertThat(message(e)).isEqualTo("The user pool already has a domain configured.");
        e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain("x." + second + ".example.org").customDomainConfig(certificate(CERTIFICATE))));
        assertThat(message(e)).isEqualTo("The user pool already has a custom domain configured.");

        var pool = cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
        assertThat(pool.domain()).isEqualTo(prefix);
        assertThat(pool.customDomain()).isEqualTo(host);
        // The refused names were not kept: another pool takes them.
        String other = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(other).domain(second));
        assertThat(describe(second).userPoolId()).isEqualTo(other);
    }

    @Test
    void aNameBelongsToOnePoolAcrossTheStore() {
        String first = newPool();
        String second = newPool();
        String prefix = name();
        cognito.createUserPoolDomain(b -> b.userPoolId(first).domain(prefix));

        var e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(second)
                .domain(prefix)));

        // Captured: aws-samples/aws-cdk-examples#402.
        assertThat(message(e)).isEqualTo("Domain already associated with another user pool.");
        assertThat(describe(prefix).userPoolId()).isEqualTo(first);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(second)).userPool().domain()).isNull();
    }

    @Test
    void anUnknownDomainIsAnEmptyDescriptionNotAnError() {
        // Captured: hashicorp/terraform-provider-aws cognitoidp user_pool_domain.go ({"DomainDescription": {}}).
        DomainDescriptionType d = describe("nobody-has-this");
        assertThat(d).isEqualTo(DomainDescriptionType.builder().build());
        assertThat(describe("auth.nobody.example.com")).isEqualTo(DomainDescriptionType.builder().build());
    }

    @Test
    void prefixesFollowAwsRules() {
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain("My_App")));
        // Captured: mineiros-io/terraform-aws-cognito-user-pool#69.
        assertThat(message(e)).isEqualTo("The domain name contains an invalid character. Domain names can only "
                + "contain lower-case letters, numbers, and hyphens. Please enter a different name that follows "
                + "this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
        // A host name without a certificate is a prefix, and a dot is not allowed in one.
        e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain("auth.example.com")));
        assertThat(message(e)).startsWith("The domain name contains an invalid character.");
        for (String word : new String[] {"aws", "amazon", "cognito"}) {
            e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                    .domain("my" + word + "app")));
            // Captured: aws-amplify/amplify-cli#1513 ("Domain cannot contain reserved word: aws").
            assertThat(message(e)).isEqualTo("Domain cannot contain reserved word: " + word);
        }
        e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain("bad..example.com").customDomainConfig(certificate(CERTIFICATE))));
        assertThat(message(e)).isEqualTo("The custom domain bad..example.com is not a valid domain name.");
        e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain(name()).managedLoginVersion(3)));
        assertThat(message(e)).isEqualTo("ManagedLoginVersion must be 1 or 2.");
        e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)
                .domain("auth.example.net").customDomainConfig(CustomDomainConfigType.builder().build())));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value null at "
                + "'customDomainConfig.certificateArn' failed to satisfy constraint: Member must not be null");
        e = awsError("InvalidParameterException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(poolId)));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value null at 'domain' failed to satisfy "
                + "constraint: Member must not be null");

        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().domain()).isNull();
    }

    @Test
    void managedLoginNeedsAPlanAboveLite() {
        String poolId = newPool(b -> b.userPoolTier(UserPoolTierType.LITE));
        String prefix = name();

        var e = awsError("FeatureUnavailableInTierException", () -> cognito.createUserPoolDomain(b -> b
                .userPoolId(poolId).domain(prefix).managedLoginVersion(2)));

        assertThat(message(e)).isEqualTo("The following features need to be disabled for the LITE pricing tier "
                + "configured: Managed Login");
        assertThat(describe(prefix).domain()).isNull();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix).managedLoginVersion(1));
        awsError("FeatureUnavailableInTierException", () -> cognito.updateUserPoolDomain(b -> b.userPoolId(poolId)
                .domain(prefix).managedLoginVersion(2)));
        assertThat(describe(prefix).managedLoginVersion()).isEqualTo(1);
    }

    @Test
    void aDomainOfAnUnknownPoolIsRefusedAndStaysFree() {
        String prefix = name();

        var e = awsError("ResourceNotFoundException", () -> cognito.createUserPoolDomain(b -> b.userPoolId(NO_POOL)
                .domain(prefix)));

        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");
        String poolId = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));
        assertThat(describe(prefix).userPoolId()).isEqualTo(poolId);
    }

    @Test
    void updateChangesTheVersionAndACustomDomainsCertificate() {
        String poolId = newPool();
        String host = "id." + name() + ".example.com";
        String prefix = name();
        String distribution = cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(host)
                .customDomainConfig(certificate(CERTIFICATE))).cloudFrontDomain();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));
        String version = describe(host).version();
        clock.advance(Duration.ofSeconds(5));

        UpdateUserPoolDomainResponse updated = cognito.updateUserPoolDomain(b -> b.userPoolId(poolId).domain(host)
                .customDomainConfig(certificate(OTHER_CERTIFICATE)).managedLoginVersion(2));

        assertThat(updated.cloudFrontDomain()).isEqualTo(distribution);
        assertThat(updated.managedLoginVersion()).isEqualTo(2);
        DomainDescriptionType d = describe(host);
        assertThat(d.customDomainConfig().certificateArn()).isEqualTo(OTHER_CERTIFICATE);
        assertThat(d.managedLoginVersion()).isEqualTo(2);
        assertThat(d.version()).isNotEqualTo(version);
        // Only the version given changes: the certificate stays.
        cognito.updateUserPoolDomain(b -> b.userPoolId(poolId).domain(host).managedLoginVersion(1));
        assertThat(describe(host).customDomainConfig().certificateArn()).isEqualTo(OTHER_CERTIFICATE);

        UpdateUserPoolDomainResponse prefixed = cognito.updateUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix)
                .managedLoginVersion(2));
        assertThat(prefixed.cloudFrontDomain()).isNull();
        assertThat(describe(prefix).managedLoginVersion()).isEqualTo(2);
        var e = awsError("InvalidParameterException", () -> cognito.updateUserPoolDomain(b -> b.userPoolId(poolId)
                .domain(prefix).customDomainConfig(certificate(CERTIFICATE))));
        assertThat(message(e)).isEqualTo("CustomDomainConfig can only be updated for a custom domain.");
        assertThat(describe(prefix).customDomainConfig().certificateArn()).isNull();
    }

    @Test
    void updateAndDeleteNeedTheDomainInThatPool() {
        String poolId = newPool();
        String other = newPool();
        String prefix = name();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));

        var e = awsError("InvalidParameterException", () -> cognito.updateUserPoolDomain(b -> b.userPoolId(other)
                .domain(prefix).managedLoginVersion(2)));
        assertThat(message(e)).isEqualTo("No such domain or user pool exists.");
        e = awsError("InvalidParameterException", () -> cognito.deleteUserPoolDomain(b -> b.userPoolId(other)
                .domain(prefix)));
        assertThat(message(e)).isEqualTo("No such domain or user pool exists.");
        e = awsError("ResourceNotFoundException", () -> cognito.deleteUserPoolDomain(b -> b.userPoolId(NO_POOL)
                .domain(prefix)));
        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");

        assertThat(describe(prefix).userPoolId()).isEqualTo(poolId);
        assertThat(describe(prefix).managedLoginVersion()).isEqualTo(1);
    }

    @Test
    void deletingTheDomainFreesTheNameAndLetsThePoolGo() {
        String poolId = newPool();
        String prefix = name();
        cognito.createUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));

        var e = awsError("InvalidParameterException", () -> cognito.deleteUserPool(b -> b.userPoolId(poolId)));
        // Captured: hashicorp/terraform-provider-aws#16479.
        assertThat(message(e)).isEqualTo("User pool cannot be deleted. It has a domain configured that should be "
                + "deleted first.");
        assertThat(describe(prefix).userPoolId()).isEqualTo(poolId);

        cognito.deleteUserPoolDomain(b -> b.userPoolId(poolId).domain(prefix));

        assertThat(describe(prefix)).isEqualTo(DomainDescriptionType.builder().build());
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().domain()).isNull();
        cognito.deleteUserPool(b -> b.userPoolId(poolId));
        String other = newPool();
        cognito.createUserPoolDomain(b -> b.userPoolId(other).domain(prefix));
        assertThat(describe(prefix).userPoolId()).isEqualTo(other);
    }

    @Test
    void ofPoolsAskingForOneNameAtOnceExactlyOneGetsIt() throws Exception {
        List<String> pools = IntStream.range(0, 8).mapToObj(i -> newPool()).toList();
        String prefix = name();
        ExecutorService threads = Executors.newFixedThreadPool(pools.size());
        List<String> refusals = new CopyOnWriteArrayList<>();
        try {
            List<? extends Future<?>> calls = pools.stream().map(p -> threads.submit(() -> {
                try {
                    cognito.createUserPoolDomain(b -> b.userPoolId(p).domain(prefix));
                } catch (CognitoIdentityProviderException e) {
                    refusals.add(e.awsErrorDetails().errorMessage());
                }
            })).toList();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(refusals).hasSize(pools.size() - 1)
                .allMatch("Domain already associated with another user pool."::equals);
        String owner = describe(prefix).userPoolId();
        assertThat(pools).contains(owner);
        assertThat(pools.stream().filter(p -> prefix.equals(cognito.describeUserPool(b -> b.userPoolId(p))
                .userPool().domain()))).containsExactly(owner);
    }
}
