// The self-service account walk through amazon-cognito-identity-js in Node.js, against a running emulator:
// sign up, read the code from the emulator's inbox, confirm, sign in (USER_PASSWORD_AUTH), forgot password,
// confirm the new one, change it, change the email and verify it, refresh, delete the user.
//
// Usage: node accounts-walk.mjs ENDPOINT POOL_ID CLIENT_ID USERNAME
//   ENDPOINT   the emulator, e.g. http://127.0.0.1:9229
//   POOL_ID    a pool with AutoVerifiedAttributes [email] and the default password policy
//   CLIENT_ID  an app client of it without a secret, allowing ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH
//   USERNAME   a username the pool does not have yet
//
// Prints "ok <step>: <what was checked>" per step and "WALK OK <steps> steps" at the end, exit code 0; on the first
// failed check prints it to stderr and exits with 1. AccountsWalkTest runs it.
import assert from 'node:assert/strict';
import cognito from 'amazon-cognito-identity-js';

const { AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool } = cognito;

const [endpoint, poolId, clientId, username] = process.argv.slice(2);
if (!username) {
	console.error('usage: node accounts-walk.mjs ENDPOINT POOL_ID CLIENT_ID USERNAME');
	process.exit(2);
}

const EMAIL = `${username}@example.com`;
const NEW_EMAIL = `${username}.new@mail.example.org`;
const PASSWORDS = ['Walk-Passw0rd-1', 'Walk-Passw0rd-2', 'Walk-Passw0rd-3'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// One storage for the walk, instead of the library's process-wide memory storage.
const items = new Map();
const storage = {
	setItem: (key, value) => items.set(key, String(value)),
	getItem: key => (items.has(key) ? items.get(key) : null),
	removeItem: key => items.delete(key),
	clear: () => items.clear(),
};
const pool = new CognitoUserPool({
	UserPoolId: poolId,
	ClientId: clientId,
	endpoint: `${endpoint}/`,
	Storage: storage,
});

let steps = 0;
function ok(step, what) {
	steps += 1;
	console.log(`ok ${step}: ${what}`);
}

/** The library's node-style callbacks as a promise of the first result. */
function call(fn) {
	return new Promise((resolve, reject) => fn((err, result) => (err ? reject(err) : resolve(result))));
}

/** The library's { onSuccess, onFailure } callbacks as a promise. */
function callbacks(fn, extra = {}) {
	return new Promise((resolve, reject) =>
		fn({ onSuccess: resolve, onFailure: reject, ...extra }));
}

/** Expects the promise to fail with this Cognito error code (and message, when given). */
async function refused(promise, code, message) {
	const err = await promise.then(
		result => assert.fail(`expected ${code}, got success: ${JSON.stringify(result)}`),
		e => e);
	assert.equal(err.code, code, `error ${err.code}: ${err.message}`);
	if (message !== undefined) {
		assert.equal(err.message, message);
	}
	return err;
}

function user() {
	return new CognitoUser({ Username: username, Pool: pool, Storage: storage });
}

async function signIn(password) {
	const u = user();
	u.setAuthenticationFlowType('USER_PASSWORD_AUTH');
	const session = await new Promise((resolve, reject) =>
		u.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
			onSuccess: resolve,
			onFailure: reject,
			newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED challenge')),
		}));
	assert.ok(session.isValid(), 'the session is valid');
	return { user: u, session };
}

async function attributes(u) {
	const list = await call(cb => u.getUserAttributes(cb));
	return Object.fromEntries(list.map(a => [a.getName(), a.getValue()]));
}

/** The inbox's messages of this user, oldest first (GET /_emulator/messages). */
async function inbox() {
	const query = new URLSearchParams({ userPoolId: poolId, username });
	const response = await fetch(`${endpoint}/_emulator/messages?${query}`);
	assert.equal(response.status, 200, 'GET /_emulator/messages');
	return (await response.json()).messages;
}

/** The newest message of the user: it must be of this kind, to this address, with a six-digit code. */
async function lastCode(kind, destination) {
	const messages = await inbox();
	assert.ok(messages.length > 0, 'the inbox has a message');
	const m = messages[messages.length - 1];
	assert.equal(m.kind, kind, `the newest message: ${JSON.stringify(m)}`);
	assert.equal(m.userPoolId, poolId);
	assert.equal(m.username, username);
	assert.equal(m.deliveryMedium, 'EMAIL');
	assert.equal(m.destination, destination);
	assert.match(m.code, /^\d{6}$/);
	assert.ok(m.message.includes(m.code), `the text carries the code: ${m.message}`);
	return m.code;
}

function masked(address) {
	const [local, domain] = address.split('@');
	return `${local[0]}***@${domain[0]}***`;
}

function emailDelivery(address) {
	return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: masked(address) };
}

async function main() {
	// Sign up: UNCONFIRMED, a code to the auto-verified email.
	const signedUp = await call(cb => pool.signUp(username, PASSWORDS[0],
		[new CognitoUserAttribute({ Name: 'email', Value: EMAIL }),
			new CognitoUserAttribute({ Name: 'name', Value: 'Walker' })], null, cb));
	assert.equal(signedUp.userConfirmed, false);
	assert.match(signedUp.userSub, UUID);
	assert.deepEqual(signedUp.codeDeliveryDetails, emailDelivery(EMAIL));
	ok('signUp', `UNCONFIRMED, code sent to ${signedUp.codeDeliveryDetails.Destination}`);

	const first = await lastCode('SignUp', EMAIL);
	ok('inbox', 'the SignUp message carries a six-digit code');

	await refused(signIn(PASSWORDS[0]), 'UserNotConfirmedException', 'User is not confirmed.');
	ok('signIn before confirmation', 'UserNotConfirmedException');

	const resent = await call(cb => user().resendConfirmationCode(cb));
	assert.deepEqual(resent.CodeDeliveryDetails, emailDelivery(EMAIL));
	const code = await lastCode('ResendCode', EMAIL);
	ok('resendConfirmationCode', 'a new code in the inbox');

	const wrong = first !== code ? first : String((Number(code) + 1) % 1000000).padStart(6, '0');
	await refused(call(cb => user().confirmRegistration(wrong, true, cb)), 'CodeMismatchException',
		'Invalid verification code provided, please try again.');
	ok('confirmRegistration with the replaced code', 'CodeMismatchException');

	assert.equal(await call(cb => user().confirmRegistration(code, true, cb)), 'SUCCESS');
	ok('confirmRegistration', 'SUCCESS');

	// Sign in: the email is verified by the confirmation.
	let { user: signedIn, session } = await signIn(PASSWORDS[0]);
	let id = session.getIdToken().decodePayload();
	assert.equal(id['cognito:username'], username);
	assert.equal(id.email, EMAIL);
	assert.equal(id.email_verified, true);
	assert.equal(id.sub, signedUp.userSub);
	assert.equal(session.getAccessToken().decodePayload().username, username);
	ok('signIn USER_PASSWORD_AUTH', 'tokens for the confirmed user, email_verified true');

	// Forgot password: a code to the verified email, then the new password.
	const forgot = await callbacks(cb => user().forgotPassword(cb));
	assert.deepEqual(forgot.CodeDeliveryDetails, emailDelivery(EMAIL));
	const resetCode = await lastCode('ForgotPassword', EMAIL);
	ok('forgotPassword', `code sent to ${forgot.CodeDeliveryDetails.Destination}`);

	assert.equal(await callbacks(cb => user().confirmPassword(resetCode, PASSWORDS[1], cb)), 'SUCCESS');
	ok('confirmPassword', 'SUCCESS');

	await refused(signIn(PASSWORDS[0]), 'NotAuthorizedException', 'Incorrect username or password.');
	({ user: signedIn, session } = await signIn(PASSWORDS[1]));
	ok('signIn with the new password', 'the old one is refused');

	// Change password while signed in.
	assert.equal(await call(cb => signedIn.changePassword(PASSWORDS[1], PASSWORDS[2], cb)), 'SUCCESS');
	await refused(signIn(PASSWORDS[1]), 'NotAuthorizedException', 'Incorrect username or password.');
	({ user: signedIn, session } = await signIn(PASSWORDS[2]));
	ok('changePassword', 'only the changed password signs in');

	// A new email: unverified until its code comes back.
	const updated = await new Promise((resolve, reject) => signedIn.updateAttributes(
		[new CognitoUserAttribute({ Name: 'email', Value: NEW_EMAIL })],
		(err, result, details) => (err ? reject(err) : resolve({ result, details }))));
	assert.equal(updated.result, 'SUCCESS');
	assert.deepEqual(updated.details.CodeDeliveryDetailsList, [emailDelivery(NEW_EMAIL)]);
	let attrs = await attributes(signedIn);
	assert.equal(attrs.email, NEW_EMAIL);
	assert.equal(attrs.email_verified, 'false');
	await lastCode('UpdateUserAttribute', NEW_EMAIL);
	ok('updateAttributes', `email changed, unverified, code sent to ${masked(NEW_EMAIL)}`);

	const verification = await new Promise((resolve, reject) => signedIn.getAttributeVerificationCode('email', {
		onSuccess: () => reject(new Error('inputVerificationCode was not called')),
		onFailure: reject,
		inputVerificationCode: resolve,
	}));
	assert.deepEqual(verification.CodeDeliveryDetails, emailDelivery(NEW_EMAIL));
	const verifyCode = await lastCode('VerifyUserAttribute', NEW_EMAIL);
	ok('getAttributeVerificationCode', `code sent to ${verification.CodeDeliveryDetails.Destination}`);

	assert.equal(await callbacks(cb => signedIn.verifyAttribute('email', verifyCode, cb)), 'SUCCESS');
	attrs = await attributes(signedIn);
	assert.equal(attrs.email, NEW_EMAIL);
	assert.equal(attrs.email_verified, 'true');
	ok('verifyAttribute', 'email_verified true');

	// A refreshed session carries the verified new email.
	session = await call(cb => signedIn.refreshSession(session.getRefreshToken(), cb));
	id = session.getIdToken().decodePayload();
	assert.equal(id.email, NEW_EMAIL);
	assert.equal(id.email_verified, true);
	ok('refreshSession', 'the new ID token has the verified new email');

	// Delete: the tokens stop working and the user is gone.
	const token = session.getAccessToken().getJwtToken();
	assert.equal(await call(cb => signedIn.deleteUser(cb)), 'SUCCESS');
	const response = await fetch(`${endpoint}/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser',
		},
		body: JSON.stringify({ AccessToken: token }),
	});
	assert.equal(response.status, 400, 'GetUser with the deleted user\'s token');
	const error = await response.json();
	assert.equal(error.__type, 'NotAuthorizedException', JSON.stringify(error));
	await refused(signIn(PASSWORDS[2]), 'UserNotFoundException', 'User does not exist.');
	ok('deleteUser', 'its access token is refused, sign-in finds no user');

	// The inbox kept every message of the walk, in order; DELETE empties it.
	const kinds = (await inbox()).map(m => m.kind);
	assert.deepEqual(kinds, ['SignUp', 'ResendCode', 'ForgotPassword', 'UpdateUserAttribute',
		'VerifyUserAttribute']);
	const cleared = await fetch(`${endpoint}/_emulator/messages?${new URLSearchParams({ userPoolId: poolId })}`,
		{ method: 'DELETE' });
	assert.equal(cleared.status, 200);
	assert.deepEqual(await cleared.json(), { deleted: kinds.length });
	assert.deepEqual(await inbox(), []);
	ok('inbox', `${kinds.join(', ')}; DELETE emptied it`);

	console.log(`WALK OK ${steps} steps`);
}

main().catch(err => {
	console.error(`FAILED after ${steps} steps: ${err && err.stack ? err.stack : err}`);
	process.exit(1);
});
