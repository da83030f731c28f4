/**
 * Markup written on the server for a page that has no JavaScript to spare (the family home's
 * budget): every value goes through `escapeHtml`, so people's own words stay text. Use only
 * where a page's bytes must not grow; elsewhere Svelte's own templates escape.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => entities[c]);
}

/** `html\`<a href="${url}">${text}</a>\`` with every interpolated value escaped. */
export function html(strings: TemplateStringsArray, ...values: string[]): string {
	return strings.reduce((out, s, i) => out + s + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
