package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.domain.UserImportJob;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateUserImportJobRequest;
import dev.cognitoemulator.model.CreateUserImportJobResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.regex.Pattern;

/**
 * A new user import job, {@code Created}, id {@code import-} and 10 alphanumerics (as AWS's examples show them). Its
 * {@code PreSignedUrl} is the emulator's own upload URL for the CSV file, good for 15 minutes. The
 * {@code CloudWatchLogsRoleArn} must be an IAM role of the emulator's account (documented: the role Cognito assumes
 * to write the job's logs; the wording of the refusal is unconfirmed); no role is assumed, the job logs to the
 * emulator's log.
 */
public final class CreateUserImportJob implements Operation<CreateUserImportJobRequest, CreateUserImportJobResponse> {

    private static final Pattern ROLE = Pattern.compile("arn:[^:]+:iam::([0-9]+):role/.+");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Override
    public CreateUserImportJobResponse execute(CreateUserImportJobRequest request, Call call) {
        var role = ROLE.matcher(request.cloudWatchLogsRoleArn());
        if (!role.matches()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "CloudWatchLogsRoleArn "
                    + request.cloudWatchLogsRoleArn() + " is not the ARN of an IAM role.");
        }
        if (!role.group(1).equals(call.services().accountId())) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "CloudWatchLogsRoleArn "
                    + request.cloudWatchLogsRoleArn() + " is not a role of the account " + call.services().accountId()
                    + ".");
        }
        UserImportJob job = UserImportJob.create("import-" + call.random().string(ALPHANUMERIC, 10),
                request.jobName(), request.cloudWatchLogsRoleArn(), request.passwordHashingAlgorithm(),
                call.random().token(32), call.now());
        return call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            pool.putUserImportJob(job);
            return new CreateUserImportJobResponse(ImportJobs.type(job, poolId, call));
        });
    }
}
