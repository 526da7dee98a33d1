// One API answer a grades panel shows: fetched again whenever its key (the request's query) changes,
// the request in flight aborted when a newer one starts or the panel goes away, with loading and error
// states and a retry. Created during a component's initialisation (it owns an $effect).

import { untrack } from 'svelte';
import { ApiError, isAbortError } from '../api.ts';
import { t } from '../i18n.svelte.ts';

export class Answer<T> {
	data = $state<T | null>(null);
	error = $state<ApiError | null>(null);
	loading = $state(true);
	#attempt = $state(0);

	/**
	 * @param key the request as a string: a change of it fetches again (and only a change of it)
	 * @param load fetches the answer for the current key
	 */
	constructor(key: () => string | null, load: (signal: AbortSignal) => Promise<T>) {
		$effect(() => {
			const current = key();
			void this.#attempt;
			if (current === null) {
				this.loading = false;
				return;
			}
			const controller = new AbortController();
			this.loading = true;
			this.error = null;
			untrack(() => load(controller.signal))
				.then((data) => {
					this.data = data;
					this.loading = false;
				})
				.catch((error: unknown) => {
					if (isAbortError(error)) return;
					this.data = null;
					this.error = error instanceof ApiError ? error : new ApiError(0, String(error));
					this.loading = false;
				});
			return () => controller.abort();
		});
	}

	/** Fetches the same request again (after a network or server error). */
	retry = () => {
		this.#attempt++;
	};

	/** The error as the card shows it: the API's message, or the network hint. */
	get message(): string | null {
		if (!this.error) return null;
		return this.error.status === 0 ? t('error.network') : this.error.message;
	}

	/** A retry is offered for failures a retry can fix (network, server), not for a refused request. */
	get onretry(): (() => void) | undefined {
		return this.error && (this.error.status === 0 || this.error.status >= 500) ? this.retry : undefined;
	}
}
