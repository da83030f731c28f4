/**
 * A staff member keeps their own profile (issue 15 "staff profiles"): what they save is what a
 * family's contact card shows, in the family member's language where they wrote it; nobody
 * changes a colleague's, and a family member changes nothing.
 */
import { expect, it } from 'vitest';
import { describeEachBackend } from './harness';
import { familyActor, makeFamily, makeStaff, makeTeam, makeUser, staffActor } from './fixtures';
import { ownFamily } from '../../src/lib/server/access';
import { getFamilyOverview } from '../../src/lib/server/families';
import { getOwnProfile, saveOwnProfile } from '../../src/lib/server/staff-profile';
import { profileForm } from '../../src/lib/schemas/staff-profile';

describeEachBackend('staff profile', (ctx) => {
	it('what a caseworker saves is what the family reads, in Arabic where written; a colleague’s stays as it was', async () => {
		const { db } = ctx();
		const team = await makeTeam(db);
		const contact = await makeStaff(db, team.id, { languages: ['da'], phone: null, helpText: { da: 'Job' } });
		const colleague = await makeStaff(db, team.id, { languages: ['da', 'en'], phone: '+45 11 22 33 44', helpText: { da: 'Skole' } });
		const { members } = await makeFamily(db, team.id, contact.id, [
			{ name: 'Amina', role: 'parent', birthYear: 1984, preferredLanguage: 'ar' }
		]);
		const me = staffActor(contact, (await makeUser(db, { staffId: contact.id })).id);
		const parent = familyActor(members[0], (await makeUser(db, { familyMemberId: members[0].id })).id);

		const input = profileForm.parse({
			phone: ' +45 41 23 45 67 ',
			lang_da: 'on',
			lang_ar: 'on',
			lang_ku: 'on',
			topic_work: 'on',
			topic_money: 'on',
			help_da: 'Job, uddannelse og økonomi.',
			help_ar: 'العمل والتعليم والمال.',
			help_so: '   '
		});
		expect(await saveOwnProfile(db, me, input)).toBe(true);
		expect(await getOwnProfile(db, me)).toMatchObject({
			phone: '+45 41 23 45 67',
			languages: ['da', 'ar', 'ku'],
			helpTopics: ['work', 'money'],
			helpText: { da: 'Job, uddannelse og økonomi.', ar: 'العمل والتعليم والمال.' }
		});
		const card = (await getFamilyOverview(db, ownFamily(parent)!))!.contactPerson;
		expect(card).toMatchObject({ phone: '+45 41 23 45 67', languages: ['da', 'ar', 'ku'], helpText: { ar: 'العمل والتعليم والمال.' } });
		// The colleague's profile is untouched, and a family member saves nothing.
		expect(await getOwnProfile(db, staffActor(colleague, (await makeUser(db, { staffId: colleague.id })).id))).toMatchObject({
			phone: '+45 11 22 33 44',
			helpText: { da: 'Skole' }
		});
		expect(await saveOwnProfile(db, parent, input)).toBe(false);
		expect(await getOwnProfile(db, parent)).toBeNull();
	});
});

it('reads the profile form as a browser sends it, and says what is wrong in words', () => {
	const bad = profileForm.safeParse({ phone: '12', help_da: 'x'.repeat(401), lang_xx1: 'on' });
	expect(Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path[0], i.message]))).toEqual({
		phone: 'validation.phoneInvalid',
		languages: 'validation.languagesRequired',
		help_da: 'validation.helpTooLong'
	});
	// No phone is a choice (families then call the team); unknown fields are ignored.
	expect(profileForm.parse({ phone: '', lang_so: 'on', topic_nothing: 'on', help_zz: 'x' })).toEqual({
		phone: null,
		languages: ['so'],
		helpTopics: [],
		helpText: {}
	});
});
