// The three custom authentication triggers as a user writes them (the developer guide's examples: "Define Auth
// challenge", "Create Auth challenge", "Verify Auth challenge response"), served over HTTP for the emulator's
// plain-URL transport (--lambda-url NAME=URL): POST /define, /create or /verify with the event, the event back.
// A question whose answer is 4, three tries; with SRP first (SRP_A), the password is verified before it.
// Prints {"port": N} once listening; runs until killed. Driven by NodeClientsTest (CUSTOM_AUTH scenarios).
import http from 'node:http';

function customTries(session) {
	return session.filter(round => round.challengeName === 'CUSTOM_CHALLENGE').length;
}

const handlers = {
	define(event) {
		const session = event.request.session;
		const last = session[session.length - 1];
		if (last?.challengeName === 'SRP_A') {
			Object.assign(event.response, { challengeName: 'PASSWORD_VERIFIER', issueTokens: false,
				failAuthentication: false });
		} else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult === true) {
			Object.assign(event.response, { issueTokens: true, failAuthentication: false });
		} else if (customTries(session) >= 3) {
			Object.assign(event.response, { issueTokens: false, failAuthentication: true });
		} else {
			Object.assign(event.response, { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false,
				failAuthentication: false });
		}
	},
	create(event) {
		event.response.publicChallengeParameters = { question: '2+2?' };
		event.response.privateChallengeParameters = { answer: '4' };
		event.response.challengeMetadata = 'MATH-' + event.request.session.length;
	},
	verify(event) {
		event.response.answerCorrect = event.request.privateChallengeParameters.answer
			=== event.request.challengeAnswer;
	},
};

const server = http.createServer(async (request, response) => {
	let body = '';
	for await (const chunk of request) {
		body += chunk;
	}
	const handler = handlers[request.url.slice(1)];
	if (request.method !== 'POST' || !handler) {
		response.writeHead(404).end();
		return;
	}
	const event = JSON.parse(body);
	handler(event);
	response.writeHead(200, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(event));
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
