/**
 * CSV as spreadsheets read it (RFC 4180): fields with a comma, a quote or a line break are
 * quoted, quotes doubled, lines end in CRLF, and the file starts with a UTF-8 byte order mark
 * so Excel shows æ, ø and å. A cell that a spreadsheet would take for a formula (it begins with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so a typed value can never run.
 */
export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** One field, escaped and quoted where needed. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	let text = typeof value === 'string' ? value : String(value);
	if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then the rows, with the byte order mark in front. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
