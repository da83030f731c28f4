import { describe, expect, it } from 'vitest';
import { checkinSchema } from './checkins';
import { fieldErrors } from './forms';

const errors = (form: Record<string, string>) => {
	const parsed = checkinSchema.safeParse(form);
	return parsed.success ? null : fieldErrors(parsed.error);
};

describe('the check-in form', () => {
	it('turns the answered areas into entries, with a tidy sentence or none', () => {
		expect(
			checkinSchema.parse({ 'score.work': '4', 'note.work': '  Praktik \r\n i et køkken ', 'score.health': '', 'note.health': '' })
		).toEqual({
			shared: false,
			entries: [{ lifeArea: 'work', score: 4, note: 'Praktik i et køkken' }]
		});
		expect(checkinSchema.parse({ 'score.school': '1', 'score.leisure': '5', shared: 'yes' })).toEqual({
			shared: true,
			entries: [
				{ lifeArea: 'school', score: 1, note: null },
				{ lifeArea: 'leisure', score: 5, note: null }
			]
		});
	});

	it('says what is wrong in message keys, per field', () => {
		expect(errors({})).toEqual({ form: 'validation.checkinNone' });
		expect(errors({ 'score.work': '3', 'note.money': 'Regninger' })).toEqual({ 'score.money': 'validation.checkinNoteNeedsScore' });
		expect(errors({ 'score.work': '3', 'note.work': 'x'.repeat(301) })).toEqual({ 'note.work': 'validation.checkinNoteTooLong' });
		expect(errors({ 'score.work': '6' })).toMatchObject({ 'score.work': 'validation.invalid' });
		expect(errors({ 'score.work': '3', shared: 'maybe' })).toEqual({ shared: 'validation.invalid' });
	});
});
