import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
	it('quotes commas, quotes and line breaks, and doubles quotes (RFC 4180)', () => {
		expect(csvCell('Gellerup')).toBe('Gellerup');
		expect(csvCell('Aarhus V, Gellerup')).toBe('"Aarhus V, Gellerup"');
		expect(csvCell('Det "gamle" hus')).toBe('"Det ""gamle"" hus"');
		expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
		expect(csvCell('to\r\nlinjer')).toBe('"to\r\nlinjer"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(14.5)).toBe('14.5');
		expect(csvCell(true)).toBe('true');
		expect(csvCell('Århus Ø')).toBe('Århus Ø');
	});

	it('never lets a typed value run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+45 12')).toBe("'+45 12");
		expect(csvCell('-1+1')).toBe("'-1+1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('a=1')).toBe('a=1');
	});

	it('writes a byte order mark, a header and CRLF line ends', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['1', null],
					['x,y', 2]
				]
			)
		).toBe('\uFEFFa,b\r\n1,\r\n"x,y",2\r\n');
	});
});
