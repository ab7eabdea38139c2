// Amplify v6 (aws-amplify) in Node, against the emulator through Auth.Cognito.userPoolEndpoint, as an app calls
// it: the scenario (argv[2]) runs and one line of JSON reports what happened, with every request's X-Amz-Target and
// ChallengeName or AuthFlow in order. Driven by src/test/java/dev/cognitoemulator/clients/NodeClientsTest.java.
//   ENDPOINT=http://127.0.0.1:PORT POOL_ID=... CLIENT_ID=... USERNAME=... PASSWORD=... node amplify.mjs SCENARIO
// Scenarios: signIn (signIn with the default flow, fetchAuthSession, getCurrentUser, signOut), wrongPassword,
// device (a pool that remembers devices: signIn confirms the device, fetchDevices, signOut, signIn again from the
// remembered device, forgetDevice), userAuth (signIn with authFlowType USER_AUTH and preferredChallenge PREFERRED),
// userAuthSelect (USER_AUTH without a password: the first factor chosen in confirmSignIn, then the password),
// autoSignIn (signUp with options.autoSignIn AUTO_SIGN_IN: 'true' or an authFlowType, confirmSignUp with the code
// from the emulator's inbox, autoSignIn), customAuth (signIn with authFlowType CUSTOM_WITHOUT_SRP, confirmSignIn
// with a wrong answer, then the right one; the triggers of custom-auth-triggers.mjs), customAuthWithSrp (the same
// with CUSTOM_WITH_SRP: the password verified first). An InitiateAuth that carries a Session is reported with "Session".
// What a browser has and Node 20 lacks: Amplify names a device it confirms by navigator.userAgent (and gives up
// remembering it, silently, without one).
globalThis.navigator ??= { userAgent: `Node.js/${process.version}` };
const calls = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options = {}) => {
	const headers = new Headers(options.headers);
	const target = headers.get('x-amz-target');
	if (target) {
		const body = typeof options.body === 'string' ? JSON.parse(options.body) : {};
		calls.push(target.split('.')[1] + (body.ChallengeName ? ' ' + body.ChallengeName : '')
			+ (body.AuthFlow ? ' ' + body.AuthFlow : '') + (body.AuthFlow && body.Session ? ' Session' : ''));
	}
	return realFetch(url, options);
};
const { Amplify } = await import('aws-amplify');
// autoSignIn is called through the module: Amplify re-binds the export once sign-up starts it (a live binding).
const auth = await import('aws-amplify/auth');
const { signIn, confirmSignIn, signOut, fetchAuthSession, getCurrentUser, fetchDevices, forgetDevice, signUp,
	confirmSignUp } = auth;

const env = process.env;
Amplify.configure({
	Auth: { Cognito: { userPoolId: env.POOL_ID, userPoolClientId: env.CLIENT_ID, userPoolEndpoint: env.ENDPOINT } },
});

async function session() {
	const { tokens } = await fetchAuthSession();
	if (!tokens) {
		return null;
	}
	return { username: tokens.accessToken.payload.username, tokenUse: tokens.accessToken.payload.token_use,
		deviceKey: tokens.accessToken.payload.device_key ?? null, idTokenUse: tokens.idToken?.payload.token_use };
}

/** The code of the newest sign-up message to the user, from the emulator's inbox (GET /_emulator/messages). */
async function signUpCode() {
	const query = new URLSearchParams({ userPoolId: env.POOL_ID, username: env.USERNAME });
	const { messages } = await (await realFetch(`${env.ENDPOINT}/_emulator/messages?${query}`)).json();
	const last = messages[messages.length - 1];
	if (last?.kind !== 'SignUp') {
		throw new Error('no sign-up code in the inbox: ' + JSON.stringify(messages));
	}
	return last.code;
}

async function scenario(name) {
	switch (name) {
		case 'signIn': {
			const result = await signIn({ username: env.USERNAME, password: env.PASSWORD });
			const signedIn = await session();
			const current = await getCurrentUser();
			await signOut();
			return { isSignedIn: result.isSignedIn, nextStep: result.nextStep.signInStep, session: signedIn,
				currentUser: current.username, afterSignOut: await session() };
		}
		case 'wrongPassword':
			await signIn({ username: env.USERNAME, password: 'Not-the-passw0rd' });
			return { unexpected: 'signed in' };
		case 'device': {
			const first = await signIn({ username: env.USERNAME, password: env.PASSWORD });
			const firstSession = await session();
			const devices = await fetchDevices();
			await signOut();
			const second = await signIn({ username: env.USERNAME, password: env.PASSWORD });
			const secondSession = await session();
			await forgetDevice();
			const afterForget = await fetchDevices();
			await signOut();
			return { first: first.isSignedIn, firstSession, devices: devices.map(d => ({ id: d.id, name: d.name })),
				second: second.isSignedIn, secondSession, afterForget: afterForget.length };
		}
		case 'userAuth': {
			const result = await signIn({ username: env.USERNAME, password: env.PASSWORD,
				options: { authFlowType: 'USER_AUTH', preferredChallenge: env.PREFERRED } });
			const signedIn = await session();
			await signOut();
			return { isSignedIn: result.isSignedIn, nextStep: result.nextStep.signInStep, session: signedIn };
		}
		case 'userAuthSelect': {
			const offer = await signIn({ username: env.USERNAME, options: { authFlowType: 'USER_AUTH' } });
			const chosen = await confirmSignIn({ challengeResponse: env.PREFERRED });
			const result = await confirmSignIn({ challengeResponse: env.PASSWORD });
			const signedIn = await session();
			await signOut();
			return { offerStep: offer.nextStep.signInStep, available: offer.nextStep.availableChallenges,
				chosenStep: chosen.nextStep.signInStep, isSignedIn: result.isSignedIn,
				nextStep: result.nextStep.signInStep, session: signedIn };
		}
		case 'autoSignIn': {
			const auto = env.AUTO_SIGN_IN === 'true' ? true : { authFlowType: env.AUTO_SIGN_IN };
			const signedUp = await signUp({ username: env.USERNAME, password: env.PASSWORD,
				options: { userAttributes: { email: `${env.USERNAME}@example.com` }, autoSignIn: auto } });
			const confirmed = await confirmSignUp({ username: env.USERNAME, confirmationCode: await signUpCode() });
			const result = await auth.autoSignIn();
			const signedIn = await session();
			await signOut();
			return { signUpStep: signedUp.nextStep.signUpStep, confirmStep: confirmed.nextStep.signUpStep,
				isSignedIn: result.isSignedIn, nextStep: result.nextStep.signInStep, session: signedIn };
		}
		case 'customAuth':
		case 'customAuthWithSrp': {
			const first = name === 'customAuth'
				? await signIn({ username: env.USERNAME, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } })
				: await signIn({ username: env.USERNAME, password: env.PASSWORD,
					options: { authFlowType: 'CUSTOM_WITH_SRP' } });
			const retry = await confirmSignIn({ challengeResponse: '5' });
			const done = await confirmSignIn({ challengeResponse: '4' });
			const signedIn = await session();
			await signOut();
			return { firstStep: first.nextStep.signInStep, question: first.nextStep.additionalInfo?.question ?? null,
				retryStep: retry.nextStep.signInStep, isSignedIn: done.isSignedIn, nextStep: done.nextStep.signInStep,
				session: signedIn };
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
// Amplify's sign-up keeps a three-minute timer for the auto sign-in it may still be asked for.
process.exit(0);
