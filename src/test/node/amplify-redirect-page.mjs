// The app page of AmplifyRedirectBrowserTest, bundled by esbuild into one browser script (Amplify v6 is ESM only).
// The page is configured by window.AMPLIFY_CONFIG (config.js, written by the test). On every load it lets Amplify
// finish what a redirect brought back (the code exchange at /oauth2/token, or the end of a sign-out), then reports
// the session in #report: data-state "signed-in" (with the tokens' claims), "signed-out" or "error".
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, fetchUserAttributes, getCurrentUser, signInWithRedirect, signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';

Amplify.configure(window.AMPLIFY_CONFIG);

function report(state, data) {
    const element = document.getElementById('report');
    element.textContent = JSON.stringify(data);
    element.dataset.state = state;
}

function failed(error) {
    report('error', { name: error?.name, message: error?.message ?? String(error) });
}

Hub.listen('auth', ({ payload }) => {
    if (payload.event === 'signInWithRedirect_failure') {
        failed(payload.data?.error);
    }
});

async function showSession() {
    const { tokens } = await fetchAuthSession();
    if (!tokens) {
        report('signed-out', {});
        return;
    }
    const user = await getCurrentUser();
    const attributes = await fetchUserAttributes();
    report('signed-in', {
        username: user.username,
        userId: user.userId,
        loginId: user.signInDetails?.loginId ?? null,
        idToken: tokens.idToken?.payload ?? null,
        accessToken: tokens.accessToken.payload,
        email: attributes.email,
    });
}

document.getElementById('sign-in').addEventListener('click', () => signInWithRedirect().catch(failed));
document.getElementById('sign-out').addEventListener('click', () => signOut().catch(failed));
showSession().catch(failed);
