#!/usr/bin/env bash
# Every resource of a user pool, from creation to deletion, driven by the AWS CLI as an infrastructure tool drives
# it: the pool (tags, MFA, log delivery), an app client and its secrets, a domain, a resource server, an identity
# provider, a group, a user, the classic UI customization, a managed login style, terms, a user import job (its CSV
# PUT with curl); then everything deleted again. Usage: pool-lifecycle.sh ENDPOINT. Prints "OK <pool id>" at the end;
# any command that fails stops it (set -e). Commands the installed CLI is too old to know are passed over (noted on
# stderr). Run by CliLifecycleTest.
set -euo pipefail

endpoint="$1"
idp() { aws --endpoint-url "$endpoint" --output text cognito-idp "$@"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
expect() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }
# Whether the installed CLI knows the command (older releases lack the newer operations).
knows() {
    if aws cognito-idp "$1" --generate-cli-skeleton > /dev/null 2>&1; then
        return 0
    fi
    echo "skipped (the AWS CLI does not know it): $1" >&2
    return 1
}
account=000000000000

# The pool: created with tags and an auto-verified email, then updated, tagged, given MFA and log delivery.
pool=$(idp create-user-pool --pool-name lifecycle --auto-verified-attributes email \
    --user-pool-tags stage=test --query UserPool.Id)
arn=$(idp describe-user-pool --user-pool-id "$pool" --query UserPool.Arn)
expect "$arn" "arn:aws:cognito-idp:us-east-1:$account:userpool/$pool" "pool ARN"
idp update-user-pool --user-pool-id "$pool" --auto-verified-attributes email --deletion-protection ACTIVE > /dev/null
idp tag-resource --resource-arn "$arn" --tags team=identity > /dev/null
expect "$(idp list-tags-for-resource --resource-arn "$arn" --query 'Tags.team')" identity "tag"
idp untag-resource --resource-arn "$arn" --tag-keys stage > /dev/null
expect "$(idp list-tags-for-resource --resource-arn "$arn" --query 'Tags.stage')" None "untagged"
idp set-user-pool-mfa-config --user-pool-id "$pool" --software-token-mfa-configuration Enabled=true \
    --mfa-configuration OPTIONAL > /dev/null
expect "$(idp get-user-pool-mfa-config --user-pool-id "$pool" --query MfaConfiguration)" OPTIONAL "MFA"
idp set-log-delivery-configuration --user-pool-id "$pool" --log-configurations \
    "EventSource=userNotification,LogLevel=ERROR,CloudWatchLogsConfiguration={LogGroupArn=arn:aws:logs:us-east-1:$account:log-group:/cognito}" \
    > /dev/null
expect "$(idp get-log-delivery-configuration --user-pool-id "$pool" \
    --query 'LogDeliveryConfiguration.LogConfigurations[0].EventSource')" userNotification "log delivery"

# An app client with a secret, and a second secret.
client=$(idp create-user-pool-client --user-pool-id "$pool" --client-name app --generate-secret \
    --explicit-auth-flows ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId)
idp update-user-pool-client --user-pool-id "$pool" --client-id "$client" --client-name renamed > /dev/null
expect "$(idp describe-user-pool-client --user-pool-id "$pool" --client-id "$client" \
    --query UserPoolClient.ClientName)" renamed "client name"
if knows add-user-pool-client-secret; then
    secret=$(idp add-user-pool-client-secret --user-pool-id "$pool" --client-id "$client" \
        --query ClientSecretDescriptor.ClientSecretId)
    expect "$(idp list-user-pool-client-secrets --user-pool-id "$pool" --client-id "$client" \
        --query 'length(ClientSecrets)')" 2 "client secrets"
    idp delete-user-pool-client-secret --user-pool-id "$pool" --client-id "$client" --client-secret-id "$secret" \
        > /dev/null
fi

# A domain, a resource server, an identity provider, a group, a user in the group.
domain="lifecycle-$(echo "$pool" | tr 'A-Z_' 'a-z-')"
idp create-user-pool-domain --user-pool-id "$pool" --domain "$domain" > /dev/null
expect "$(idp describe-user-pool-domain --domain "$domain" --query DomainDescription.UserPoolId)" "$pool" "domain"
idp create-resource-server --user-pool-id "$pool" --identifier lifecycle-api --name api \
    --scopes ScopeName=read,ScopeDescription=Read > /dev/null
idp update-resource-server --user-pool-id "$pool" --identifier lifecycle-api --name api2 > /dev/null
expect "$(idp list-resource-servers --user-pool-id "$pool" --max-results 10 --query 'ResourceServers[0].Name')" \
    api2 "resource server"
idp create-identity-provider --user-pool-id "$pool" --provider-name Corp --provider-type OIDC --provider-details \
    client_id=corp,client_secret=s3cret,attributes_request_method=GET,oidc_issuer=https://idp.example.com,authorize_scopes=openid \
    --attribute-mapping email=email > /dev/null
idp update-identity-provider --user-pool-id "$pool" --provider-name Corp --attribute-mapping email=mail > /dev/null
expect "$(idp describe-identity-provider --user-pool-id "$pool" --provider-name Corp \
    --query IdentityProvider.AttributeMapping.email)" mail "identity provider"
idp create-group --user-pool-id "$pool" --group-name admins --precedence 1 > /dev/null
idp update-group --user-pool-id "$pool" --group-name admins --description Administrators > /dev/null
idp admin-create-user --user-pool-id "$pool" --username alice --message-action SUPPRESS \
    --user-attributes Name=email,Value=alice@example.com Name=email_verified,Value=true > /dev/null
idp admin-add-user-to-group --user-pool-id "$pool" --username alice --group-name admins
expect "$(idp list-users-in-group --user-pool-id "$pool" --group-name admins --query 'Users[0].Username')" alice \
    "group member"

# The look of the sign-in pages, and terms.
idp set-ui-customization --user-pool-id "$pool" --css '.banner-customizable { background-color: black; }' \
    > /dev/null
expect "$(idp get-ui-customization --user-pool-id "$pool" --query UICustomization.CSS)" \
    '.banner-customizable { background-color: black; }' "UI customization"
if knows create-managed-login-branding; then
    branding=$(idp create-managed-login-branding --user-pool-id "$pool" --client-id "$client" \
        --use-cognito-provided-values --query ManagedLoginBranding.ManagedLoginBrandingId)
    idp describe-managed-login-branding --user-pool-id "$pool" --managed-login-branding-id "$branding" > /dev/null
    idp delete-managed-login-branding --user-pool-id "$pool" --managed-login-branding-id "$branding"
fi
if knows create-terms; then
    terms=$(idp create-terms --user-pool-id "$pool" --client-id "$client" --terms-name terms-of-use \
        --terms-source LINK --enforcement NONE --links cognito:default=https://example.com/terms --query Terms.TermsId)
    idp update-terms --user-pool-id "$pool" --terms-id "$terms" --links cognito:default=https://example.com/v2 \
        > /dev/null
    expect "$(idp list-terms --user-pool-id "$pool" --query 'length(Terms)')" 1 "terms"
    idp delete-terms --user-pool-id "$pool" --terms-id "$terms"
fi

# A user import job: the CSV header, the file PUT to the job's URL with curl, the import in the background.
header=$(idp get-csv-header --user-pool-id "$pool" --query CSVHeader | tr '\t' ',')
csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
echo "$header" > "$csv"
# One line of the header's columns: bob, his verified email, MFA off; the rest empty.
line=""
separator=""
IFS=',' read -r -a columns <<< "$header"
for column in "${columns[@]}"; do
    case "$column" in
        cognito:username) value=bob ;;
        email) value=bob@example.com ;;
        email_verified) value=true ;;
        cognito:mfa_enabled) value=false ;;
        *) value="" ;;
    esac
    line="$line$separator$value"
    separator=","
done
echo "$line" >> "$csv"
read -r job url < <(idp create-user-import-job --user-pool-id "$pool" --job-name lifecycle \
    --cloud-watch-logs-role-arn "arn:aws:iam::$account:role/CognitoImport" \
    --query 'UserImportJob.[JobId,PreSignedUrl]')
curl -sS --fail --upload-file "$csv" -H 'x-amz-server-side-encryption: aws:kms' "$url"
expect "$(idp start-user-import-job --user-pool-id "$pool" --job-id "$job" --query UserImportJob.Status)" Pending \
    "started import"
status=Pending
for _ in $(seq 1 60); do
    status=$(idp describe-user-import-job --user-pool-id "$pool" --job-id "$job" --query UserImportJob.Status)
    [ "$status" = Pending ] || [ "$status" = InProgress ] || break
done
[ "$status" = Succeeded ] || fail "import: $(idp describe-user-import-job --user-pool-id "$pool" --job-id "$job" \
    --output json)"
expect "$(idp admin-get-user --user-pool-id "$pool" --username bob --query UserStatus)" RESET_REQUIRED "imported user"
expect "$(idp list-user-import-jobs --user-pool-id "$pool" --max-results 10 --query 'UserImportJobs[0].JobId')" \
    "$job" "import jobs"

# Everything deleted again; the pool last (deletion protection off, its domain gone first).
idp admin-remove-user-from-group --user-pool-id "$pool" --username alice --group-name admins
idp admin-delete-user --user-pool-id "$pool" --username alice
idp delete-group --user-pool-id "$pool" --group-name admins
idp delete-identity-provider --user-pool-id "$pool" --provider-name Corp
idp delete-resource-server --user-pool-id "$pool" --identifier lifecycle-api
idp delete-user-pool-domain --user-pool-id "$pool" --domain "$domain" > /dev/null
idp delete-user-pool-client --user-pool-id "$pool" --client-id "$client"
idp set-log-delivery-configuration --user-pool-id "$pool" --log-configurations '[]' > /dev/null
idp update-user-pool --user-pool-id "$pool" --auto-verified-attributes email --deletion-protection INACTIVE > /dev/null
idp delete-user-pool --user-pool-id "$pool"
if idp describe-user-pool --user-pool-id "$pool" > /dev/null 2>&1; then
    fail "the pool is still there"
fi
echo "OK $pool"
