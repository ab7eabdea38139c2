// What the MFA scenarios share: RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits) of a Base32 secret, as an
// authenticator app makes them, and the newest code the emulator "sent" a user, read from its inbox.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(secret) {
	let bits = 0;
	let value = 0;
	const bytes = [];
	for (const c of secret.replace(/=+$/, '').toUpperCase()) {
		value = (value << 5) | ALPHABET.indexOf(c);
		bits += 5;
		if (bits >= 8) {
			bytes.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(bytes);
}

/** The code of the secret at now's step plus `steps` (the emulator takes one step either side). */
export function totp(secret, steps = 0) {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + steps));
	const hash = createHmac('sha1', base32(secret)).update(counter).digest();
	const offset = hash[hash.length - 1] & 0x0f;
	return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** The code of the newest message to the user, from the emulator's inbox (fetch: one that is not recorded). */
export async function lastCode(fetch, endpoint, poolId, username) {
	const answer = await fetch(`${endpoint}/_emulator/messages?userPoolId=${encodeURIComponent(poolId)}`
		+ `&username=${encodeURIComponent(username)}`);
	const { messages } = await answer.json();
	return messages[messages.length - 1].code;
}
