import type { SubmitFunction } from '@sveltejs/kit';

export interface KeepTypedOptions {
	/** Told `true` when the post leaves and `false` when its answer is shown, so a button can refuse a second send meanwhile. */
	busy?: (pending: boolean) => void;
	/** A save empties the form for the next one (a wish, a step, a line). Without it the fields stay as they are after either answer. */
	emptyOnSave?: boolean;
	/** Called on a save, before the next page shows (a draft kept on the phone is forgotten). */
	saved?: () => void;
}

/**
 * `use:enhance` for the portal's forms: a mistake keeps every word typed, with the messages beside
 * the fields (SvelteKit's default would empty the form on any answer). A save is a redirect (the
 * server's `303` after a write); only then does the form empty, when asked to.
 */
export function keepTyped({ busy, emptyOnSave = false, saved }: KeepTypedOptions = {}): SubmitFunction {
	return () => {
		busy?.(true);
		return async ({ result, formElement, update }) => {
			try {
				if (result.type === 'redirect') {
					saved?.();
					if (emptyOnSave) formElement.reset();
				}
				await update({ reset: false });
			} finally {
				busy?.(false);
			}
		};
	};
}
