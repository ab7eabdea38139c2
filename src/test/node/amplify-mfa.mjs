// Amplify v6 (aws-amplify) MFA in Node, against the emulator through Auth.Cognito.userPoolEndpoint, as an app calls
// it: signIn, then confirmSignIn with the code; the scenario (argv[2]) runs and one line of JSON reports what
// happened, with every request's X-Amz-Target and ChallengeName or AuthFlow in order. Driven by
// src/test/java/dev/cognitoemulator/clients/MfaClientsTest.java.
//   ENDPOINT=... POOL_ID=... CLIENT_ID=... USERNAME=... PASSWORD=... [SECRET=...] node amplify-mfa.mjs SCENARIO
// Scenarios: totp (SECRET: the user's verified TOTP secret), totpSetup (MFA ON: the secret Amplify is given, a code
// of it), email (e-mail MFA: the code read from the inbox), emailOtp (USER_AUTH with preferredChallenge EMAIL_OTP,
// passwordless).
import { lastCode, totp } from './totp.mjs';

globalThis.navigator ??= { userAgent: `Node.js/${process.version}` };
const calls = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options = {}) => {
	const headers = new Headers(options.headers);
	const target = headers.get('x-amz-target');
	if (target) {
		const body = typeof options.body === 'string' ? JSON.parse(options.body) : {};
		calls.push(target.split('.')[1] + (body.ChallengeName ? ' ' + body.ChallengeName : '')
			+ (body.AuthFlow ? ' ' + body.AuthFlow : ''));
	}
	return realFetch(url, options);
};
const { Amplify } = await import('aws-amplify');
const { signIn, confirmSignIn, signOut, fetchAuthSession } = await import('aws-amplify/auth');

const env = process.env;
Amplify.configure({
	Auth: { Cognito: { userPoolId: env.POOL_ID, userPoolClientId: env.CLIENT_ID, userPoolEndpoint: env.ENDPOINT } },
});

async function signedIn() {
	const { tokens } = await fetchAuthSession();
	await signOut();
	return tokens ? { username: tokens.accessToken.payload.username, tokenUse: tokens.accessToken.payload.token_use }
		: null;
}

function inbox() {
	return lastCode(realFetch, env.ENDPOINT, env.POOL_ID, env.USERNAME);
}

async function scenario(name) {
	switch (name) {
		case 'totp': {
			const first = await signIn({ username: env.USERNAME, password: env.PASSWORD });
			const done = await confirmSignIn({ challengeResponse: totp(env.SECRET, 1) });
			return { step: first.nextStep.signInStep, isSignedIn: done.isSignedIn, session: await signedIn() };
		}
		case 'totpSetup': {
			const first = await signIn({ username: env.USERNAME, password: env.PASSWORD });
			const secret = first.nextStep.totpSetupDetails?.sharedSecret;
			const done = await confirmSignIn({ challengeResponse: totp(secret) });
			return { step: first.nextStep.signInStep, hasSecret: Boolean(secret), isSignedIn: done.isSignedIn,
				session: await signedIn() };
		}
		case 'email': {
			const first = await signIn({ username: env.USERNAME, password: env.PASSWORD });
			const done = await confirmSignIn({ challengeResponse: await inbox() });
			return { step: first.nextStep.signInStep, destination: first.nextStep.codeDeliveryDetails?.destination,
				isSignedIn: done.isSignedIn, session: await signedIn() };
		}
		case 'emailOtp': {
			const first = await signIn({ username: env.USERNAME,
				options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
			const done = await confirmSignIn({ challengeResponse: await inbox() });
			return { step: first.nextStep.signInStep, destination: first.nextStep.codeDeliveryDetails?.destination,
				isSignedIn: done.isSignedIn, session: await signedIn() };
		}
		default:
			throw new Error('unknown scenario ' + name);
	}
}

try {
	const result = await scenario(process.argv[2]);
	console.log(JSON.stringify({ ...result, calls }));
} catch (error) {
	console.log(JSON.stringify({ error: error.name, message: error.message, calls }));
}
