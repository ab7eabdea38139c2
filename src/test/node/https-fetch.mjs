// Node's fetch of one URL (env URL), as aws-jwt-verify fetches a JWKS: over https, trusting what
// NODE_EXTRA_CA_CERTS names. One line of JSON: { status, body } or { error: the TLS error code }.
// Driven by src/test/java/dev/cognitoemulator/http/HttpsTest.java.
try {
	const response = await fetch(process.env.URL);
	console.log(JSON.stringify({ status: response.status, body: await response.json() }));
} catch (error) {
	console.log(JSON.stringify({ error: error.cause?.code ?? error.name, message: String(error.cause ?? error) }));
}
