// One API answer a card shows, fetched again whenever its key (the filters and choices it depends on, as
// a string) changes: the newer request aborts the older, a failure keeps the API's message, retry()
// asks again. Call it while a component initialises (it sets up an $effect).

import { untrack } from 'svelte';
import { ApiError, isAbortError } from './api.ts';
import { t } from './i18n.svelte.ts';

export interface Resource<T> {
	readonly data: T | null;
	readonly error: ApiError | null;
	readonly loading: boolean;
	retry(): void;
}

export function resource<T>(key: () => string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
	const state = $state({ data: null as T | null, error: null as ApiError | null, loading: true, attempt: 0 });
	$effect(() => {
		void key();
		void state.attempt;
		const controller = new AbortController();
		untrack(() => {
			state.loading = true;
			state.error = null;
		});
		untrack(() => load(controller.signal))
			.then((data) => {
				state.data = data;
				state.loading = false;
			})
			.catch((error: unknown) => {
				if (isAbortError(error)) return;
				state.data = null;
				state.error = error instanceof ApiError ? error : new ApiError(0, String(error));
				state.loading = false;
			});
		return () => controller.abort();
	});
	return {
		get data() {
			return state.data;
		},
		get error() {
			return state.error;
		},
		get loading() {
			return state.loading;
		},
		retry() {
			state.attempt++;
		},
	};
}

/** An error as the card shows it: the API's message, or a plain sentence when the server is unreachable. */
export function errorText(error: ApiError | null): string | null {
	if (!error) return null;
	return error.status === 0 ? t('error.network') : error.message;
}

/** Retry is offered for failures a second try may cure (network, server), not for a refused filter. */
export function canRetry(error: ApiError | null): boolean {
	return error !== null && (error.status === 0 || error.status >= 500);
}
