// amazon-cognito-identity-js in Node (its fetch is Node's own), against the emulator, as an app calls it: the
// scenario (argv[2]) runs and one line of JSON reports what happened, with every request's X-Amz-Target and
// ChallengeName in order. Driven by src/test/java/dev/cognitoemulator/clients/NodeClientsTest.java.
//   ENDPOINT=http://127.0.0.1:PORT POOL_ID=... CLIENT_ID=... USERNAME=... PASSWORD=... node identity-js.mjs SCENARIO
// Scenarios: signIn, wrongPassword, newPassword (NEW_PASSWORD env: the new one), device (remember, sign in again,
// list, forget), customAuth (setAuthenticationFlowType CUSTOM_AUTH, initiateAuth, sendCustomChallengeAnswer with a
// wrong ANSWER, then the right one; the triggers of custom-auth-triggers.mjs).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const calls = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options) => {
	const body = JSON.parse(options.body);
	calls.push(options.headers['X-Amz-Target'].split('.')[1] + (body.ChallengeName ? ' ' + body.ChallengeName : '')
		+ (body.AuthFlow ? ' ' + body.AuthFlow : ''));
	return realFetch(url, options);
};
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js');

const env = process.env;
const pool = new CognitoUserPool({ UserPoolId: env.POOL_ID, ClientId: env.CLIENT_ID, endpoint: env.ENDPOINT + '/' });

function claims(jwt) {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** authenticateUser (USER_SRP_AUTH, the default), as a promise of { session, confirmationNecessary } or a challenge. */
function authenticate(user, password) {
	return new Promise((resolve, reject) => {
		user.authenticateUser(new AuthenticationDetails({ Username: env.USERNAME, Password: password }), {
			onSuccess: (session, confirmationNecessary) => resolve({ session, confirmationNecessary }),
			onFailure: reject,
			newPasswordRequired: (userAttributes, requiredAttributes) =>
				resolve({ newPasswordRequired: { userAttributes, requiredAttributes } }),
		});
	});
}

function callback(run) {
	return new Promise((resolve, reject) => run({ onSuccess: resolve, onFailure: reject }));
}

function signedIn(session) {
	const access = claims(session.getAccessToken().getJwtToken());
	return { username: access.username, tokenUse: access.token_use, deviceKey: access.device_key ?? null,
		idTokenUse: claims(session.getIdToken().getJwtToken()).token_use,
		hasRefreshToken: session.getRefreshToken().getToken().length > 0 };
}

async function scenario(name) {
	switch (name) {
		case 'signIn': {
			const { session } = await authenticate(new CognitoUser({ Username: env.USERNAME, Pool: pool }), env.PASSWORD);
			return signedIn(session);
		}
		case 'wrongPassword':
			await authenticate(new CognitoUser({ Username: env.USERNAME, Pool: pool }), 'Not-the-passw0rd');
			return { unexpected: 'signed in' };
		case 'newPassword': {
			const user = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			const challenge = await authenticate(user, env.PASSWORD);
			const session = await new Promise((resolve, reject) => user.completeNewPasswordChallenge(env.NEW_PASSWORD,
				{}, { onSuccess: resolve, onFailure: reject }));
			const again = await authenticate(new CognitoUser({ Username: env.USERNAME, Pool: pool }), env.NEW_PASSWORD);
			return { challenge: challenge.newPasswordRequired, ...signedIn(session), again: signedIn(again.session) };
		}
		case 'device': {
			// The first sign-in announces a device, which the library confirms (ConfirmDevice) and keeps.
			const first = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			const { session, confirmationNecessary } = await authenticate(first, env.PASSWORD);
			const firstDevice = claims(session.getAccessToken().getJwtToken()).device_key;
			await callback(cb => first.setDeviceStatusRemembered(cb));
			// A new CognitoUser, as a new page load: the device key and secret come from the library's storage.
			const second = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			const signedInAgain = signedIn((await authenticate(second, env.PASSWORD)).session);
			const listed = await new Promise((resolve, reject) => second.listDevices(10, null,
				{ onSuccess: resolve, onFailure: reject }));
			await callback(cb => second.forgetDevice(cb));
			const afterForget = await new Promise((resolve, reject) => second.listDevices(10, null,
				{ onSuccess: resolve, onFailure: reject }));
			return { confirmationNecessary: confirmationNecessary ?? false, firstDevice, second: signedInAgain,
				listed: listed.Devices.map(d => ({ key: d.DeviceKey,
					attributes: Object.fromEntries(d.DeviceAttributes.map(a => [a.Name, a.Value])) })),
				afterForget: afterForget.Devices.length };
		}
		case 'customAuth': {
			const user = new CognitoUser({ Username: env.USERNAME, Pool: pool });
			user.setAuthenticationFlowType('CUSTOM_AUTH');
			// Each step settles with the next custom challenge's parameters, or with the tokens.
			const step = run => new Promise((resolve, reject) => run({
				onSuccess: session => resolve({ session }),
				onFailure: reject,
				customChallenge: challengeParameters => resolve({ challengeParameters }),
			}));
			const challenge = await step(cb => user.initiateAuth(new AuthenticationDetails({ Username: env.USERNAME,
				ClientMetadata: { app: 'identity-js' } }), cb));
			const retry = await step(cb => user.sendCustomChallengeAnswer('5', cb));
			const done = await step(cb => user.sendCustomChallengeAnswer('4', cb));
			return { challenge: challenge.challengeParameters, retry: retry.challengeParameters,
				...signedIn(done.session) };
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
