package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * {@code Policies.SignInPolicy.AllowedFirstAuthFactors} in CreateUserPool and UpdateUserPool: kept as given (without
 * repeats); SOFTWARE_TOKEN refused (documented: API reference, SignInPolicyType); PASSWORD always among them
 * (unconfirmed text); passwordless factors refused on the Lite plan (text captured: aws-amplify/amplify-backend#2805;
 * the error code, the model's FeatureUnavailableInTierException, unconfirmed). A refused update changes nothing.
 */
class SignInPolicyTest extends CognitoTestSupport {

    private static UserPoolPolicyType policy(AuthFactorType... factors) {
        return UserPoolPolicyType.builder().signInPolicy(p -> p.allowedFirstAuthFactors(factors)).build();
    }

    private UserPoolType describe(String poolId) {
        return cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
    }

    @Test
    void factorsAreKeptAsGiven() {
        String poolId = newPool(b -> b.policies(policy(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP,
                AuthFactorType.EMAIL_OTP, AuthFactorType.WEB_AUTHN)));

        assertThat(describe(poolId).policies().signInPolicy().allowedFirstAuthFactorsAsStrings())
                .containsExactly("PASSWORD", "EMAIL_OTP", "WEB_AUTHN");
    }

    @Test
    void passwordMustBeAmongThemAndSoftwareTokenNever() {
        assertThat(message(awsError("InvalidParameterException", () -> newPool(b -> b.policies(
                policy(AuthFactorType.EMAIL_OTP)))))).isEqualTo("PASSWORD must be one of the AllowedFirstAuthFactors.");
        assertThat(message(awsError("InvalidParameterException", () -> newPool(b -> b.policies(
                policy(AuthFactorType.PASSWORD, AuthFactorType.SOFTWARE_TOKEN))))))
                .isEqualTo("SOFTWARE_TOKEN is not supported as a first auth factor.");
    }

    @Test
    void theLitePlanHasNoPasswordlessSignIn() {
        String lite = "The following features need to be disabled for the LITE pricing tier configured: "
                + "Passwordless Sign-In";
        assertThat(message(awsError("FeatureUnavailableInTierException", () -> newPool(b -> b
                .userPoolTier(UserPoolTierType.LITE).policies(policy(AuthFactorType.PASSWORD,
                        AuthFactorType.SMS_OTP)))))).isEqualTo(lite);
        assertThat(describe(newPool(b -> b.userPoolTier(UserPoolTierType.LITE)
                .policies(policy(AuthFactorType.PASSWORD)))).userPoolTierAsString()).isEqualTo("LITE");

        String poolId = newPool(b -> b.policies(policy(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP)));
        assertThat(message(awsError("FeatureUnavailableInTierException", () -> cognito.updateUserPool(b -> b
                .userPoolId(poolId).userPoolTier(UserPoolTierType.LITE)
                .policies(policy(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP)))))).isEqualTo(lite);
        assertThat(message(awsError("InvalidParameterException", () -> cognito.updateUserPool(b -> b
                .userPoolId(poolId).policies(policy(AuthFactorType.WEB_AUTHN))))))
                .isEqualTo("PASSWORD must be one of the AllowedFirstAuthFactors.");

        UserPoolType unchanged = describe(poolId);
        assertThat(unchanged.userPoolTierAsString()).isEqualTo("ESSENTIALS");
        assertThat(unchanged.policies().signInPolicy().allowedFirstAuthFactorsAsStrings())
                .isEqualTo(List.of("PASSWORD", "EMAIL_OTP"));
    }
}
