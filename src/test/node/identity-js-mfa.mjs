// amazon-cognito-identity-js's MFA in Node, against the emulator, as an app calls it: the scenario (argv[2]) runs
// and one line of JSON reports what happened, with every request's X-Amz-Target and ChallengeName in order. Driven
// by src/test/java/dev/cognitoemulator/clients/MfaClientsTest.java.
//   ENDPOINT=http://127.0.0.1:PORT POOL_ID=... CLIENT_ID=... USERNAME=... PASSWORD=... node identity-js-mfa.mjs SCENARIO
// Scenarios: totp (sign in, associateSoftwareToken, verifySoftwareToken, setUserMfaPreference, then a new sign-in
// answering totpRequired with sendMFACode), sms (a sign-in answering mfaRequired with the texted code, read from the
// inbox).
import { createRequire } from 'node:module';
import { lastCode, totp } from './totp.mjs';

const require = createRequire(import.meta.url);
const calls = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options) => {
	const body = JSON.parse(options.body);
	calls.push(options.headers['X-Amz-Target'].split('.')[1] + (body.ChallengeName ? ' ' + body.ChallengeName : ''));
	return realFetch(url, options);
};
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');

const env = process.env;
const pool = new CognitoUserPool({ UserPoolId: env.POOL_ID, ClientId: env.CLIENT_ID, endpoint: env.ENDPOINT + '/' });

function claims(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** authenticateUser (USER_SRP_AUTH): the session, or the MFA challenge the library called back with. */
function authenticate(user) {
	return new Promise((resolve, reject) => {
		user.authenticateUser(new AuthenticationDetails({ Username: env.USERNAME, Password: env.PASSWORD }), {
			onSuccess: session => resolve({ session }),
			onFailure: reject,
			mfaRequired: (challengeName, parameters) => resolve({ mfaRequired: { challengeName, parameters } }),
			totpRequired: (challengeName, parameters) => resolve({ totpRequired: { challengeName, parameters } }),
		});
	});
}

function sendMfaCode(user, code, type) {
	return new Promise((resolve, reject) => user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, type));
}

function signedIn(session) {
	const access = claims(session.getAccessToken().getJwtToken());
	return { username: access.username, tokenUse: access.token_use };
}

async function scenario(name) {
	switch (name) {
		case 'totp': {
			const user = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			await authenticate(user);
			const secret = await new Promise((resolve, reject) => user.associateSoftwareToken({
				associateSecretCode: resolve, onFailure: reject }));
			const verified = await new Promise((resolve, reject) => user.verifySoftwareToken(totp(secret), 'phone',
				{ onSuccess: resolve, onFailure: reject }));
			await new Promise((resolve, reject) => user.setUserMfaPreference(null,
				{ Enabled: true, PreferredMfa: true }, (error, result) => (error ? reject(error) : resolve(result))));
			const again = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			const challenge = await authenticate(again);
			// The code of the next step: the one of this step was spent on verifySoftwareToken.
			const session = await sendMfaCode(again, totp(secret, 1), 'SOFTWARE_TOKEN_MFA');
			return { verified: verified.Status, challenge: challenge.totpRequired, ...signedIn(session) };
		}
		case 'sms': {
			const user = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			const challenge = await authenticate(user);
			const code = await lastCode(realFetch, env.ENDPOINT, env.POOL_ID, env.USERNAME);
			const session = await sendMfaCode(user, code);
			return { challenge: challenge.mfaRequired, ...signedIn(session) };
		}
		default:
			throw new Error('unknown scenario ' + name);
	}
}

try {
	const result = await scenario(process.argv[2]);
	console.log(JSON.stringify({ ...result, calls }));
} catch (error) {
	console.log(JSON.stringify({ error: error.code ?? error.name, message: error.message, calls }));
}
