/**
 * The team leader's enrolment form (/staff/families/new), read at the edge, and the form that
 * adds a colleague to a family's involved staff (/staff/families/[id]/manage). A browser sends
 * repeated rows as one field each: member i as `m{i}_name`, `m{i}_role`, `m{i}_born`,
 * `m{i}_language`; involved colleague j as `s{j}_staff`, `s{j}_helps` and `s{j}_topic_{area}=on`.
 * A row left empty is no row. Each problem is a message key on the field it is about, so the
 * page can say it beside that field and link to it from the error summary.
 */
import { z } from 'zod';
import {
	familyAreaMaxLength,
	familyNameMaxLength,
	helpsWithMaxLength,
	lifeAreas,
	memberNameMaxLength,
	memberRoles,
	type LifeArea,
	type MemberRole
} from '$lib/codes';
import { nameableLanguages } from '$lib/i18n/language-codes';
import { copenhagenDate } from '$lib/i18n/format';
import { uuidPattern } from '$lib/shapes';
import { uuidField } from './forms';
import { pastDay } from './outcomes';

/** Rows the page offers at first, and at most (each "more rows" adds `rowStep`). */
export const memberRows = { first: 6, most: 20 };
export const staffRows = { first: 3, most: 12 };
export const rowStep = 3;

/** The languages a member's preferred language may be: the names the portal ships (the eight locales and more). */
export const memberLanguages = nameableLanguages;

export interface EnrolMember {
	name: string;
	role: MemberRole;
	birthYear: number | null;
	preferredLanguage: string;
}
export interface Involvement {
	staffId: string;
	topics: LifeArea[];
	helpsWith: string;
}
export interface EnrolInput {
	name: string;
	area: string;
	enrolledOn: string;
	contactPersonId: string;
	members: EnrolMember[];
	involved: Involvement[];
}

type Form = Record<string, string>;
type Ctx = z.RefinementCtx;

const words = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();
const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** How many rows of each a page shows: what the form says it had, within bounds. */
export function rowCount(value: string | undefined, rows: { first: number; most: number }, more = 0): number {
	const n = Number(value);
	const had = Number.isInteger(n) ? Math.min(Math.max(n, rows.first), rows.most) : rows.first;
	return Math.min(had + more, rows.most);
}

function text(form: Form, field: string, max: number, ctx: Ctx, required: string, tooLong: string): string {
	const value = oneLine(form[field]);
	if (!value) ctx.addIssue({ code: 'custom', path: [field], message: required });
	else if (value.length > max) ctx.addIssue({ code: 'custom', path: [field], message: tooLong });
	return value;
}

/** One involved colleague's topics and the team's words on what they help with (a row, or the manage page's form). */
function involvement(form: Form, prefix: string, ctx: Ctx): Omit<Involvement, 'staffId'> {
	const topics = lifeAreas.filter((a) => form[`${prefix}topic_${a}`] === 'on');
	const helpsWith = words(form[`${prefix}helps`]);
	if (helpsWith.length > helpsWithMaxLength)
		ctx.addIssue({ code: 'custom', path: [`${prefix}helps`], message: 'validation.helpsWithTooLong' });
	return { topics, helpsWith };
}

function member(form: Form, i: number, ctx: Ctx): EnrolMember | null {
	const f = (k: string) => `m${i}_${k}`;
	const name = oneLine(form[f('name')]);
	const born = (form[f('born')] ?? '').trim();
	const role = form[f('role')] ?? '';
	// A row with nothing typed is no row (the language has a default, so it does not count).
	if (!name && !born && !role) return null;
	if (!name) ctx.addIssue({ code: 'custom', path: [f('name')], message: 'validation.nameRequired' });
	else if (name.length > memberNameMaxLength) ctx.addIssue({ code: 'custom', path: [f('name')], message: 'validation.nameTooLong' });
	const validRole = (memberRoles as readonly string[]).includes(role) ? (role as MemberRole) : null;
	if (!validRole) ctx.addIssue({ code: 'custom', path: [f('role')], message: 'validation.roleChoose' });
	let birthYear: number | null = null;
	if (born) {
		const year = Number(born);
		if (!/^\d{4}$/.test(born) || year < 1900 || year > Number(copenhagenDate().slice(0, 4)))
			ctx.addIssue({ code: 'custom', path: [f('born')], message: 'validation.birthYearInvalid' });
		else birthYear = year;
	} else if (validRole === 'child') ctx.addIssue({ code: 'custom', path: [f('born')], message: 'validation.birthYearChild' });
	const language = form[f('language')] || 'da';
	if (!memberLanguages.includes(language)) ctx.addIssue({ code: 'custom', path: [f('language')], message: 'validation.invalid' });
	return validRole ? { name, role: validRole, birthYear, preferredLanguage: language } : null;
}

export const enrolForm = z.record(z.string(), z.string()).transform((form, ctx): EnrolInput => {
	const name = text(form, 'name', familyNameMaxLength, ctx, 'validation.nameRequired', 'validation.nameTooLong');
	const area = text(form, 'area', familyAreaMaxLength, ctx, 'validation.areaRequired', 'validation.areaTooLong');
	const day = pastDay.safeParse(form.enrolledOn ?? '');
	if (!day.success) ctx.addIssue({ code: 'custom', path: ['enrolledOn'], message: day.error.issues[0].message });
	const contact = form.contact ?? '';
	if (!uuidPattern.test(contact))
		ctx.addIssue({ code: 'custom', path: ['contact'], message: contact ? 'validation.invalid' : 'validation.colleagueRequired' });

	const members: EnrolMember[] = [];
	let adults = 0;
	for (let i = 0; i < rowCount(form.memberRows, memberRows); i++) {
		const row = member(form, i, ctx);
		if (row) members.push(row);
		if (form[`m${i}_role`] === 'parent' || form[`m${i}_role`] === 'other_adult') adults++;
	}
	// The family needs a grown-up the team works with; said once, above the rows.
	if (adults === 0) ctx.addIssue({ code: 'custom', path: ['members'], message: 'validation.adultRequired' });

	const involved: Involvement[] = [];
	for (let j = 0; j < rowCount(form.staffRows, staffRows); j++) {
		const prefix = `s${j}_`;
		const staffId = form[`${prefix}staff`] ?? '';
		const rest = involvement(form, prefix, ctx);
		if (!staffId) {
			if (rest.helpsWith || rest.topics.length)
				ctx.addIssue({ code: 'custom', path: [`${prefix}staff`], message: 'validation.colleagueRequired' });
			continue;
		}
		if (!uuidPattern.test(staffId)) ctx.addIssue({ code: 'custom', path: [`${prefix}staff`], message: 'validation.invalid' });
		else if (staffId === contact) ctx.addIssue({ code: 'custom', path: [`${prefix}staff`], message: 'validation.involvedIsContact' });
		else if (involved.some((s) => s.staffId === staffId))
			ctx.addIssue({ code: 'custom', path: [`${prefix}staff`], message: 'validation.involvedTwice' });
		else involved.push({ staffId, ...rest });
	}
	return { name, area, enrolledOn: day.success ? day.data : '', contactPersonId: contact, members, involved };
});

/** The manage page's "add a colleague": who, their topics, and the team's words (`topic_{area}`, `helps`). */
export const addInvolvedForm = z.record(z.string(), z.string()).transform((form, ctx): Involvement => {
	const staffId = form.staff ?? '';
	if (!uuidPattern.test(staffId))
		ctx.addIssue({ code: 'custom', path: ['staff'], message: staffId ? 'validation.invalid' : 'validation.colleagueRequired' });
	return { staffId, ...involvement(form, '', ctx) };
});

export const removeInvolvedForm = z.object({ staff: uuidField });
