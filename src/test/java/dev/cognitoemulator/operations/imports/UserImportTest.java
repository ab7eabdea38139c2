package dev.cognitoemulator.operations.imports;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserImportJobsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * User import: GetCSVHeader, CreateUserImportJob, the CSV upload to its PreSignedUrl, StartUserImportJob,
 * DescribeUserImportJob, ListUserImportJobs, StopUserImportJob. The import runs on an executor this test drives
 * ({@link StepExecutor}), so every status of AWS's sequence is seen: Created, Pending, InProgress, Stopping, Stopped,
 * Succeeded, Failed, Expired. Documented (developer guide, "Importing users from a CSV file"): the header, the
 * RESET_REQUIRED users, the rules of a line, the URL's 15 minutes. Captured: the text of a start without a file
 * (aws-amplify/amplify-js#6416) and a Failed job's message. Unconfirmed: the other texts, the line outcomes' reasons.
 */
class UserImportTest extends CognitoTestSupport {

    private static final String ROLE = "arn:aws:iam::000000000000:role/CognitoImport";
    private static final List<String> STANDARD = List.of("name", "given_name", "family_name", "middle_name",
            "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
            "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
            "cognito:mfa_enabled", "cognito:username");

    private final StepExecutor steps = new StepExecutor();
    private final ManualClock clock = new ManualClock();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        // SigV4 off: the clock moves past the URL's and the job's windows.
        return builder.importExecutor(steps).clock(clock).authMode(AuthMode.OFF);
    }

    private String emailPool() {
        return newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    }

    private UserImportJobType create(String poolId) {
        return cognito.createUserImportJob(b -> b.userPoolId(poolId).jobName("import").cloudWatchLogsRoleArn(ROLE))
                .userImportJob();
    }

    private UserImportJobType describe(String poolId, String jobId) {
        return cognito.describeUserImportJob(b -> b.userPoolId(poolId).jobId(jobId)).userImportJob();
    }

    private UserImportJobType start(String poolId, String jobId) {
        return cognito.startUserImportJob(b -> b.userPoolId(poolId).jobId(jobId)).userImportJob();
    }

    private int upload(String url, String csv) throws IOException, InterruptedException {
        return put(url, csv).statusCode();
    }

    private HttpResponse<String> put(String url, String csv) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(csv))
                .header("x-amz-server-side-encryption", "aws:kms").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file of the pool's header (in another order than GetCSVHeader's) and these users' lines. */
    private static String csv(String... lines) {
        return "cognito:username,email,email_verified,cognito:mfa_enabled,phone_number_verified,name,"
                + STANDARD.stream().filter(c -> !List.of("cognito:username", "email", "email_verified",
                        "cognito:mfa_enabled", "phone_number_verified", "name").contains(c))
                        .collect(Collectors.joining(",")) + "\n" + String.join("\n", lines) + "\n";
    }

    /** A line of {@link #csv}: the six first columns, the rest empty. */
    private static String line(String username, String email, String emailVerified, String mfa, String name) {
        return String.join(",", username, email, emailVerified, mfa, "", name) + ",".repeat(STANDARD.size() - 6);
    }

    /** A job with this file uploaded and started (Pending). */
    private UserImportJobType started(String poolId, String file) throws Exception {
        UserImportJobType job = create(poolId);
        assertThat(upload(job.preSignedUrl(), file)).isEqualTo(200);
        UserImportJobType pending = start(poolId, job.jobId());
        assertThat(pending.status()).isEqualTo(UserImportJobStatusType.PENDING);
        return pending;
    }

    @Test
    void theCsvHeaderIsThePoolsAttributesAsAwsOrdersThem() {
        String poolId = newPool(b -> b.schema(
                SchemaAttributeType.builder().name("tenant").attributeDataType("String").build(),
                SchemaAttributeType.builder().name("level").attributeDataType("Number").build()));
        List<String> expected = new ArrayList<>(STANDARD);
        expected.addAll(List.of("custom:tenant", "custom:level"));
        assertThat(cognito.getCSVHeader(b -> b.userPoolId(poolId)).csvHeader()).isEqualTo(expected);
        assertThat(cognito.getCSVHeader(b -> b.userPoolId(poolId)).userPoolId()).isEqualTo(poolId);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.getCSVHeader(b -> b.userPoolId(NO_POOL)))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
    }

    @Test
    void aNewJobIsCreatedWithItsUploadUrl() {
        String poolId = emailPool();
        UserImportJobType job = cognito.createUserImportJob(b -> b.userPoolId(poolId).jobName("first import")
                .cloudWatchLogsRoleArn(ROLE).passwordHashingAlgorithm("BCRYPT")).userImportJob();
        assertThat(job.jobId()).matches("import-[0-9A-Za-z]{10}");
        assertThat(job.jobName()).isEqualTo("first import");
        assertThat(job.userPoolId()).isEqualTo(poolId);
        assertThat(job.status()).isEqualTo(UserImportJobStatusType.CREATED);
        assertThat(job.cloudWatchLogsRoleArn()).isEqualTo(ROLE);
        assertThat(job.passwordHashingAlgorithmAsString()).isEqualTo("BCRYPT");
        assertThat(job.creationDate()).isEqualTo(clock.instant());
        assertThat(job.startDate()).isNull();
        assertThat(job.completionDate()).isNull();
        assertThat(List.of(job.importedUsers(), job.skippedUsers(), job.failedUsers())).containsOnly(0L);
        assertThat(job.preSignedUrl()).matches(emulator.endpoint() + "/_emulator/user-import/" + poolId + "/"
                + job.jobId() + "/[A-Za-z0-9_-]{43}");
        assertThat(describe(poolId, job.jobId())).isEqualTo(job);
        assertThat(create(poolId).preSignedUrl()).isNotEqualTo(job.preSignedUrl());
    }

    @Test
    void theImportCreatesResetRequiredUsersInTheBackground() throws Exception {
        String poolId = emailPool();
        confirmedUser(poolId, "carol");
        UserImportJobType job = started(poolId, csv(
                line("alice", "alice@example.com", "true", "false", "Alice Liddell"),
                line("bob", "bob@example.com", "TRUE", "FALSE", "Bob\\, Jr."),
                line("carol", "carol@example.com", "true", "false", ""),
                line("dave", "dave@example.com", "false", "false", "")));
        assertThat(job.startDate()).isEqualTo(clock.instant());
        assertThat(describe(poolId, job.jobId()).status()).isEqualTo(UserImportJobStatusType.PENDING);

        steps.runNext();
        assertThat(describe(poolId, job.jobId()).status()).isEqualTo(UserImportJobStatusType.IN_PROGRESS);
        clock.advance(Duration.ofSeconds(5));
        steps.runNext();
        assertThat(steps.waiting()).isZero();

        UserImportJobType done = describe(poolId, job.jobId());
        assertThat(done.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
        assertThat(done.importedUsers()).isEqualTo(2);
        assertThat(done.skippedUsers()).isEqualTo(1);
        assertThat(done.failedUsers()).isEqualTo(1);
        assertThat(done.completionMessage()).isEqualTo("Import Job Completed Successfully.");
        assertThat(done.completionDate()).isEqualTo(clock.instant());
        assertThat(done.startDate()).isEqualTo(job.startDate());

        AdminGetUserResponse alice = cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));
        assertThat(alice.userStatus()).isEqualTo(UserStatusType.RESET_REQUIRED);
        assertThat(asMap(alice.userAttributes())).containsEntry("email", "alice@example.com")
                .containsEntry("email_verified", "true").containsEntry("name", "Alice Liddell")
                .containsKey("sub").doesNotContainKey("cognito:mfa_enabled");
        assertThat(alice.userCreateDate()).isEqualTo(clock.instant());
        assertThat(asMap(cognito.adminGetUser(b -> b.userPoolId(poolId).username("bob")).userAttributes()))
                .containsEntry("name", "Bob, Jr.").containsEntry("email_verified", "true");
        assertThat(cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(message(awsError("UserNotFoundException",
                () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("dave")))))
                .isEqualTo("User does not exist.");

        // An imported user signs in after a password reset (documented: RESET_REQUIRED).
        String clientId = passwordClient(poolId);
        assertThat(awsError("PasswordResetRequiredException", () -> adminSignIn(poolId, clientId, "alice"))).isNotNull();
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice"));
        String code = emulator.inbox().list(new dev.cognitoemulator.messages.Inbox.Filter(poolId, "alice", null))
                .get(0).code();
        cognito.confirmForgotPassword(b -> b.clientId(clientId).username("alice").confirmationCode(code)
                .password(PASSWORD));
        assertThat(cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))).authenticationResult())
                .isNotNull();
    }

    @Test
    void eachLineIsCheckedAsDocumented() throws Exception {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .schema(SchemaAttributeType.builder().name("given_name").attributeDataType("String").required(true)
                        .mutable(true).build()));
        String header = csv().trim();
        int columns = STANDARD.size();
        int givenName = List.of(header.split(",")).indexOf("given_name");
        String[] good = line("ok", "ok@example.com", "true", "false", "").split(",", -1);
        good[givenName] = "Ok";
        String ok = String.join(",", good);
        UserImportJobType job = started(poolId, csv(ok,
                ok.replace("ok,ok@", ",ok@"),                         // no username
                ok.replace("ok,ok@", "o k,ok@"),                      // white space in it
                ok.replace(",false,", ",maybe,"),                     // cognito:mfa_enabled not a flag
                ok.replace(",false,", ",true,").replace("ok,", "mfa,"), // MFA on in a pool whose MFA is OFF
                ok.replace("ok,ok@example.com,true", "nv,nv@example.com,false"), // nothing verified
                ok.replace("ok,ok@example.com,true", "ne,,true"),     // verified without a value
                ok.replace(",Ok,", ",,").replace("ok,", "ng,"),        // a required attribute missing
                ok.replace("ok,ok@example.com", "dup,ok@example.com"), // an alias... not in this pool: imported
                ok + ",extra"));                                      // one value too many
        steps.runAll(5);
        UserImportJobType done = describe(poolId, job.jobId());
        assertThat(done.importedUsers()).as("ok and dup").isEqualTo(2);
        assertThat(done.failedUsers()).isEqualTo(8);
        assertThat(done.skippedUsers()).isZero();
        assertThat(done.status()).isEqualTo(UserImportJobStatusType.FAILED);
        assertThat(done.completionMessage()).isEqualTo("Too many users have failed or been skipped during the import.");
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).extracting(u -> u.username())
                .containsExactlyInAnyOrder("ok", "dup");
        assertThat(columns).isEqualTo(21);
    }

    @Test
    void aVerifiedAliasAnotherUserHoldsFailsTheLine() throws Exception {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .aliasAttributes(software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType.EMAIL));
        confirmedUser(poolId, "owner", attr("email", "taken@example.com"), attr("email_verified", "true"));
        UserImportJobType job = started(poolId, csv(line("copy", "taken@example.com", "true", "false", ""),
                line("fresh", "fresh@example.com", "true", "false", "")));
        steps.runAll(5);
        UserImportJobType done = describe(poolId, job.jobId());
        assertThat(List.of(done.importedUsers(), done.skippedUsers(), done.failedUsers())).containsExactly(1L, 0L, 1L);
        assertThat(done.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
    }

    @Test
    void aFileWhoseHeaderIsNotThePoolsFailsTheJob() throws Exception {
        String poolId = emailPool();
        UserImportJobType job = started(poolId, "cognito:username,email,email_verified,cognito:mfa_enabled\n"
                + "alice,alice@example.com,true,false\n");
        steps.runAll(3);
        UserImportJobType done = describe(poolId, job.jobId());
        assertThat(done.status()).isEqualTo(UserImportJobStatusType.FAILED);
        assertThat(done.completionMessage())
                .isEqualTo("The CSV header does not have the columns of the user pool's (GetCSVHeader).");
        assertThat(done.completionDate()).isNotNull();
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
    }

    @Test
    void aPendingJobStopsBeforeImporting() throws Exception {
        String poolId = emailPool();
        UserImportJobType job = started(poolId, csv(line("alice", "alice@example.com", "true", "false", "")));
        UserImportJobType stopping = cognito.stopUserImportJob(b -> b.userPoolId(poolId).jobId(job.jobId()))
                .userImportJob();
        assertThat(stopping.status()).isEqualTo(UserImportJobStatusType.STOPPING);
        steps.runAll(3);
        UserImportJobType stopped = describe(poolId, job.jobId());
        assertThat(stopped.status()).isEqualTo(UserImportJobStatusType.STOPPED);
        assertThat(stopped.completionMessage()).isEqualTo("The Import Job was stopped by the developer.");
        assertThat(stopped.importedUsers()).isZero();
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
        assertThat(message(awsError("PreconditionNotMetException",
                () -> cognito.stopUserImportJob(b -> b.userPoolId(poolId).jobId(job.jobId())))))
                .isEqualTo("The user import job " + job.jobId() + " is Stopped and cannot be stopped.");
    }

    @Test
    void aJobInProgressStopsBetweenLinesAndKeepsTheUsersImported() throws Exception {
        String poolId = emailPool();
        String[] lines = IntStream.range(0, 150).mapToObj(i -> line("user" + i, "user" + i + "@example.com", "true",
                "false", "")).toArray(String[]::new);
        UserImportJobType job = started(poolId, csv(lines));
        steps.runNext();
        steps.runNext();
        UserImportJobType halfway = describe(poolId, job.jobId());
        assertThat(halfway.status()).isEqualTo(UserImportJobStatusType.IN_PROGRESS);
        assertThat(halfway.importedUsers()).isEqualTo(100);
        cognito.stopUserImportJob(b -> b.userPoolId(poolId).jobId(job.jobId()));
        steps.runAll(3);
        UserImportJobType stopped = describe(poolId, job.jobId());
        assertThat(stopped.status()).isEqualTo(UserImportJobStatusType.STOPPED);
        assertThat(stopped.importedUsers()).isEqualTo(100);
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId).limit(60)).users()).hasSize(60);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().estimatedNumberOfUsers())
                .isEqualTo(100);
    }

    @Test
    void startIsRefusedUnlessTheJobCanStart() throws Exception {
        String poolId = emailPool();
        UserImportJobType job = create(poolId);
        assertThat(message(awsError("PreconditionNotMetException", () -> start(poolId, job.jobId()))))
                .isEqualTo("No csv file was uploaded for " + job.jobId());
        upload(job.preSignedUrl(), csv(line("alice", "alice@example.com", "true", "false", "")));
        start(poolId, job.jobId());
        assertThat(message(awsError("PreconditionNotMetException", () -> start(poolId, job.jobId()))))
                .isEqualTo("The user import job " + job.jobId() + " is Pending and cannot be started.");
        assertThat(steps.waiting()).isEqualTo(1);
        steps.runAll(3);
        assertThat(message(awsError("ResourceNotFoundException", () -> start(poolId, "import-nothere000"))))
                .isEqualTo("The user import job import-nothere000 does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> describe(poolId, "import-nothere000"))))
                .isEqualTo("The user import job import-nothere000 does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> start(NO_POOL, job.jobId()))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");

        String unverified = newPool();
        UserImportJobType other = create(unverified);
        upload(other.preSignedUrl(), csv(line("alice", "alice@example.com", "true", "false", "")));
        assertThat(message(awsError("PreconditionNotMetException", () -> start(unverified, other.jobId()))))
                .isEqualTo("The user pool has no auto-verified attributes (email or phone_number): users cannot be "
                        + "imported.");
        assertThat(describe(unverified, other.jobId()).status()).isEqualTo(UserImportJobStatusType.CREATED);
        assertThat(steps.waiting()).isZero();
    }

    @Test
    void aJobNotStartedWithinADayExpires() throws Exception {
        String poolId = emailPool();
        UserImportJobType job = create(poolId);
        upload(job.preSignedUrl(), csv(line("alice", "alice@example.com", "true", "false", "")));
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(describe(poolId, job.jobId()).status()).isEqualTo(UserImportJobStatusType.CREATED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(describe(poolId, job.jobId()).status()).isEqualTo(UserImportJobStatusType.EXPIRED);
        assertThat(message(awsError("PreconditionNotMetException", () -> start(poolId, job.jobId()))))
                .isEqualTo("The user import job " + job.jobId() + " is Expired and cannot be started.");
        assertThat(message(awsError("PreconditionNotMetException",
                () -> cognito.stopUserImportJob(b -> b.userPoolId(poolId).jobId(job.jobId())))))
                .isEqualTo("The user import job " + job.jobId() + " is Expired and cannot be stopped.");
    }

    @Test
    void theUploadUrlTakesTheFileForFifteenMinutesUntilTheJobStarts() throws Exception {
        String poolId = emailPool();
        UserImportJobType job = create(poolId);
        String file = csv(line("alice", "alice@example.com", "true", "false", ""));
        String url = job.preSignedUrl();
        String badToken = url.substring(0, url.lastIndexOf('/') + 1) + "A".repeat(43);
        assertUploadRefused(put(badToken, file), 403, "This is not the upload URL of a user import job.");
        assertUploadRefused(put(url.replace(job.jobId(), "import-nothere000"), file), 403,
                "This is not the upload URL of a user import job.");
        assertUploadRefused(put(url.replace(poolId, NO_POOL), file), 403,
                "This is not the upload URL of a user import job.");
        assertUploadRefused(put(url, "x".repeat(1024 * 1024 + 1)), 413,
                "Request body exceeds the limit of 1048576 bytes.");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(upload(url, "replaced below")).isEqualTo(200);
        assertThat(upload(url, file)).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertUploadRefused(put(url, file), 403, "Request has expired");

        UserImportJobType fresh = create(poolId);
        upload(fresh.preSignedUrl(), file);
        start(poolId, fresh.jobId());
        assertUploadRefused(put(fresh.preSignedUrl(), file), 403,
                "The user import job has been started or has expired: it takes no file any more.");
        start(poolId, job.jobId());
        steps.runAll(6);
        // The job started first imports alice; the other finds her there.
        assertThat(describe(poolId, fresh.jobId()).importedUsers()).isEqualTo(1);
        assertThat(describe(poolId, job.jobId()).skippedUsers()).isEqualTo(1);
    }

    private static void assertUploadRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains("\"message\":\"" + message + "\"");
    }

    @Test
    void theRoleMustBeAnIamRoleOfTheAccount() {
        String poolId = emailPool();
        String other = "arn:aws:iam::111111111111:role/CognitoImport";
        assertThat(message(awsError("InvalidParameterException", () -> cognito.createUserImportJob(
                b -> b.userPoolId(poolId).jobName("j").cloudWatchLogsRoleArn(other)))))
                .isEqualTo("CloudWatchLogsRoleArn " + other + " is not a role of the account 000000000000.");
        String user = "arn:aws:iam::000000000000:user/alice";
        assertThat(message(awsError("InvalidParameterException", () -> cognito.createUserImportJob(
                b -> b.userPoolId(poolId).jobName("j").cloudWatchLogsRoleArn(user)))))
                .isEqualTo("CloudWatchLogsRoleArn " + user + " is not the ARN of an IAM role.");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.createUserImportJob(
                b -> b.userPoolId(poolId).jobName("j").cloudWatchLogsRoleArn("role")))))
                .contains("cloudWatchLogsRoleArn");
        assertThat(message(awsError("ResourceNotFoundException", () -> create(NO_POOL))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
        assertThat(cognito.listUserImportJobs(b -> b.userPoolId(poolId).maxResults(60)).hasUserImportJobs()).isFalse();
    }

    @Test
    void jobsAreListedAPageAtATime() {
        String poolId = emailPool();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(poolId).jobId());
        }
        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUserImportJobsResponse page = cognito.listUserImportJobs(b -> b.userPoolId(poolId).maxResults(2)
                    .paginationToken(next));
            assertThat(page.userImportJobs()).hasSizeLessThanOrEqualTo(2);
            page.userImportJobs().forEach(j -> listed.add(j.jobId()));
            token = page.paginationToken();
        } while (token != null);
        assertThat(listed).isEqualTo(ids.stream().sorted().toList());
        assertThat(cognito.listUserImportJobs(b -> b.userPoolId(poolId).maxResults(60)).userImportJobs().get(0))
                .isEqualTo(describe(poolId, listed.get(0)));
        assertThat(message(awsError("InvalidParameterException",
                () -> cognito.listUserImportJobs(b -> b.userPoolId(poolId))))).contains("maxResults");
    }
}
