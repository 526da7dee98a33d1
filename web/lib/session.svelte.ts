// Who is signed in, for the whole app (reactive). The API owns the session (an HttpOnly cookie); this
// module only mirrors what GET /api/auth/me says, keeps the CSRF token for api.ts, and offers sign-in
// and sign-out. What an account may see is decided by the server, never here: the UI only uses the
// role to greet the user, to explain a refusal, and to list the role's own areas (lib/areas.ts).

import {
	clearCachedAnswers,
	getSession,
	login,
	logout,
	onUnauthorized,
	setCsrfToken,
	type SessionInfo,
	type SessionUser,
} from './api.ts';

const current = $state<{ user: SessionUser | null; checked: boolean }>({ user: null, checked: false });

function apply(info: SessionInfo | null): void {
	if (current.user?.username !== info?.user.username) clearCachedAnswers();
	current.user = info?.user ?? null;
	current.checked = true;
	setCsrfToken(info?.csrf_token ?? null);
}

// A data request answered 401: the session expired or the server restarted (sessions live in memory).
onUnauthorized(() => apply(null));

export function sessionUser(): SessionUser | null {
	return current.user;
}

/** Whether the server has been asked yet (until then the app shows neither pages nor sign-in). */
export function sessionChecked(): boolean {
	return current.checked;
}

/** Asks the server who is signed in. A network failure leaves the state unchecked and throws. */
export async function refreshSession(): Promise<SessionUser | null> {
	apply(await getSession());
	return current.user;
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
	const info = await login(username, password);
	apply(info);
	return info.user;
}

export async function signOut(): Promise<void> {
	try {
		await logout();
	} finally {
		apply(null);
	}
}
