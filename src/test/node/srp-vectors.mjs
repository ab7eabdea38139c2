// Derives the SRP test vectors pinned in src/test/java/dev/cognitoemulator/domain/SrpTest.java with an
// implementation independent of the emulator's: amazon-cognito-identity-js's AuthenticationHelper (the client half,
// as the library runs it) and its BigInteger (the server half, B = k*v + g^b, written here from the protocol).
// Run once: node srp-vectors.mjs (after npm ci); prints the inputs and every intermediate value as JSON.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper.js').default;
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger.js').default;
const { Sha256 } = require('@aws-crypto/sha256-js');

function sync(run) {
	let value;
	run((err, result) => {
		if (err) throw err;
		value = result;
	});
	return value;
}

function hmacBase64(key, parts) {
	const mac = new Sha256(key);
	mac.update(Buffer.concat(parts));
	return Buffer.from(mac.digestSync()).toString('base64');
}

/** One sign-in: the client with a fixed a, the server with a fixed b; group = pool name or device group key. */
function vector({ group, userId, password, saltHex, aHex, bHex, secretBlockBase64, timestamp }) {
	const helper = new AuthenticationHelper(group);
	const N = helper.N;
	const g = helper.g;
	const a = new BigInteger(aHex, 16);
	helper.smallAValue = a;
	helper.largeAValue = sync(cb => g.modPow(a, N, cb));
	const salt = new BigInteger(saltHex, 16);
	const x = new BigInteger(helper.hexHash(helper.padHex(salt) + helper.hash(`${group}${userId}:${password}`)), 16);
	const v = sync(cb => g.modPow(x, N, cb));
	const b = new BigInteger(bHex, 16);
	const B = helper.k.multiply(v).add(sync(cb => g.modPow(b, N, cb))).mod(N);
	const key = sync(cb => helper.getPasswordAuthenticationKey(userId, password, B, salt, cb));
	const u = helper.UValue;
	const S = sync(cb => helper.calculateS(x, B, cb));
	const signature = hmacBase64(key, [Buffer.from(group, 'utf8'), Buffer.from(userId, 'utf8'),
		Buffer.from(secretBlockBase64, 'base64'), Buffer.from(timestamp, 'utf8')]);
	return {
		group, userId, password, salt: saltHex, a: aHex, b: bHex, secretBlock: secretBlockBase64, timestamp,
		k: helper.k.toString(16), v: v.toString(16), A: helper.largeAValue.toString(16), B: B.toString(16),
		u: u.toString(16), S: S.toString(16), K: Buffer.from(key).toString('hex'), signature,
	};
}

const secretBlock = Buffer.from('secret block of the cognito-emulator test vectors, 0123456789').toString('base64');
console.log(JSON.stringify({
	user: vector({
		group: 'AbC123xYz', userId: 'alice', password: 'Passw0rd!', saltHex: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
		aHex: '1f2e3d4c5b6a79880123456789abcdeffedcba98765432100f1e2d3c4b5a6978',
		bHex: 'a0b1c2d3e4f5061728394a5b6c7d8e9ff9e8d7c6b5a4938271605f4e3d2c1b0a',
		secretBlockBase64: secretBlock, timestamp: 'Wed May 7 00:09:40 UTC 2025',
	}),
	device: vector({
		group: '-wt2ha1Zd', userId: 'us-east-1_0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
		password: 'c2VjcmV0IGRldmljZSBwYXNzd29yZCBvZiA0MCBieXRlcyBvZiByYW5kb20=',
		saltHex: '0ae1d2c3b4a5968778695a4b3c2d1e0f',
		aHex: '7766554433221100ffeeddccbbaa99887766554433221100ffeeddccbbaa9988',
		bHex: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
		secretBlockBase64: secretBlock, timestamp: 'Sun Jan 12 09:05:07 UTC 2025',
	}),
}, null, 2));
