/**
 * The team's figures (/staff/dashboard): whether the work works, counted from the portal's own
 * records for a chosen period. The team leader counts the whole team; a caseworker the families
 * they work with — both are visibleFamilies(actor), and every item is read through
 * visibleItems, so a figure never counts what its reader could not open (access.ts).
 *
 * One statement: each figure is a subquery that answers JSON, so the page costs one round trip
 * however many figures it shows (numbers come back as JSON numbers on PGlite and PostgreSQL
 * alike). How each figure is computed is said on the page (messages `dashboard.how.*`) and
 * pinned by tests/integration/dashboard.test.ts, whose synthetic team has hand-computed answers.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from './db';
import {
	checkins,
	copenhagenToday,
	families,
	familyMembers,
	familyStaff,
	interests,
	meetings,
	messages,
	outcomes,
	staff,
	teams
} from './db/schema';
import { staffItemVisibility, visibleFamilies, type StaffActor } from './access';
import { inWorkOrEducation, lifeAreas, meetingTypes, type LifeArea, type MeetingType } from '$lib/codes';
import { signInAge } from '$lib/roles';

/** Whole months, first to last (YYYY-MM); the last may be the month we are in. */
export interface Period {
	from: string;
	to: string;
}

export interface MonthFigure {
	month: string;
	/** Families with the team at some time in the month. */
	active: number;
	enrolled: number;
	ended: number;
}

export interface Caseload {
	staffId: string;
	name: string;
	/** Active families they are the contact person for. */
	contact: number;
	/** Active families they help besides. */
	involved: number;
}

export interface Share {
	/** People counted (the denominator). */
	total: number;
	/** Of them, in work or education (or with a leisure job or activity). */
	yes: number;
}

export interface Dashboard {
	/** The days counted, as dates where the team works: the period's first day, and its last day or today. */
	startsOn: string;
	endsOn: string;
	months: MonthFigure[];
	caseloads: Caseload[];
	/** Families per contact person the team aims at; null: none set. */
	caseloadTarget: number | null;
	parents: { atStart: Share; now: Share };
	school: { children: number; before: number | null; latest: number | null; change: number | null };
	teenagers: Share;
	replies: { count: number; median: number | null; p90: number | null };
	meetings: { type: MeetingType; held: number; notHeld: number }[];
	checkins: { month: string; area: LifeArea; average: number; count: number }[];
}

/** A JSON array of a subquery's rows, [] when it has none. */
const jsonRows = (query: SQL) => sql`coalesce((select json_agg(r) from (${query}) r), '[]'::json)`;
/** The first row of a subquery as JSON (an aggregate always has one). */
const jsonRow = (query: SQL) => sql`(select row_to_json(r) from (${query}) r)`;

/**
 * The one statement behind the figures (exported for EXPLAIN in the bench). The families are
 * taken from visibleFamilies once (`fam`), and every figure joins its items to them, in one pass
 * over each table: the plan stays a few hash joins whatever the statistics say (PGlite keeps
 * none until ANALYZE). Latest notes are found by ordered aggregates, not a lookup per person.
 */
export function dashboardQuery(actor: StaffActor, period: Period): SQL {
	const first = sql`${`${period.from}-01`}::date`;
	const lastMonth = sql`${`${period.to}-01`}::date`;
	// The last day counted: the period's last day, or today when the period reaches into the future.
	const last = sql`least((${lastMonth} + interval '1 month - 1 day')::date, ${copenhagenToday})`;
	const from = sql`(${first}::timestamp at time zone 'Europe/Copenhagen')`;
	const until = sql`((${last} + 1)::timestamp at time zone 'Europe/Copenhagen')`;
	const working = sql.join(
		inWorkOrEducation.map((w) => sql`${w}`),
		sql`, `
	);
	const shown = (alias: string) => staffItemVisibility(actor, sql.raw(`${alias}.visibility`));
	/** The latest of a note's column among the rows an aggregate sees, within a condition. */
	const latest = (column: string, where: SQL, order: 'desc' | 'asc' = 'desc') =>
		sql`(array_agg(${sql.raw(`n.${column}`)} order by n.from_on ${sql.raw(order)}) filter (where ${where}))[1]`;

	const months = sql`select to_char(m, 'YYYY-MM') as month,
		count(f.id) filter (where f.enrolled_on <= (m + interval '1 month - 1 day')::date and (f.ended_on is null or f.ended_on >= m::date))::int as active,
		count(f.id) filter (where date_trunc('month', f.enrolled_on::timestamp) = m)::int as enrolled,
		count(f.id) filter (where date_trunc('month', f.ended_on::timestamp) = m)::int as ended
		from generate_series(${first}::timestamp, ${lastMonth}::timestamp, interval '1 month') m
		left join fam f on true
		group by m order by m`;

	// Today's caseloads: the leader sees everyone on the team, a caseworker their own.
	const leads = actor.role === 'team_leader';
	const caseloads = sql`select s.id as "staffId", s.name, coalesce(c.n, 0)::int as contact, coalesce(i.n, 0)::int as involved
		from ${staff} s
		left join (select contact_person_id as id, count(*) as n from fam where status = 'active' group by 1) c on c.id = s.id
		left join (select fs.staff_id as id, count(*) as n from ${familyStaff} fs join fam f on f.id = fs.family_id
			where f.status = 'active' group by 1) i on i.id = s.id
		where s.team_id = ${actor.teamId}::uuid ${leads ? sql`` : sql`and s.id = ${actor.staffId}::uuid`}
		order by s.name, s.id`;

	// Each parent's work now (the latest note by the last day) and at enrolment (the latest note on
	// or before the day the family joined; else the first one after it). Parents with no note by
	// the last day are not counted.
	const parents = sql`select count(*)::int as total,
		count(*) filter (where now_work in (${working}))::int as "nowYes",
		count(*) filter (where coalesce(before_work, after_work) in (${working}))::int as "startYes"
		from (select ${latest('work', sql`n.from_on <= ${last}`)} as now_work,
			${latest('work', sql`n.from_on <= f.enrolled_on`)} as before_work,
			${latest('work', sql`n.from_on > f.enrolled_on and n.from_on <= ${last}`, 'asc')} as after_work
			from ${familyMembers} p join infam f on f.id = p.family_id
			join ${outcomes} n on n.member_id = p.id and n.kind = 'work' and ${shown('n')}
			where p.role = 'parent' group by p.id, f.enrolled_on) x
		where now_work is not null`;

	// A school child's absence in the last term that began before the family joined, and in the
	// latest term after that which began by the last day. Children without both are not counted.
	const school = sql`select count(*)::int as children, avg(before)::float8 as before, avg(latest)::float8 as latest,
		avg(latest - before)::float8 as change
		from (select ${latest('absence_percent', sql`n.from_on < f.enrolled_on`)} as before,
			${latest('from_on', sql`n.from_on < f.enrolled_on`)} as before_on,
			${latest('absence_percent', sql`n.from_on <= ${last}`)} as latest,
			${latest('from_on', sql`n.from_on <= ${last}`)} as latest_on
			from ${familyMembers} p join infam f on f.id = p.family_id
			join ${outcomes} n on n.member_id = p.id and n.kind = 'school' and ${shown('n')}
			group by p.id) x
		where latest_on > before_on`;

	// Teenagers (13–17 in the last day's year) with a leisure job or an activity: the latest note
	// by the last day says so, or an activity from /activities began by then and is still going.
	const year = sql`extract(year from ${last})::int`;
	const teenagers = sql`select count(*)::int as total,
		count(*) filter (where y.leisure in ('job', 'activity') or g.member_id is not null)::int as yes
		from ${familyMembers} p join infam f on f.id = p.family_id
		left join (select n.member_id, ${latest('leisure', sql`true`)} as leisure from ${outcomes} n join infam f on f.id = n.family_id
			where n.kind = 'youth' and n.from_on <= ${last} and ${shown('n')} group by n.member_id) y on y.member_id = p.id
		left join (select distinct i.member_id from ${interests} i join infam f on f.id = i.family_id
			where i.status in ('started', 'still_going') and i.started_on <= ${last} and ${shown('i')}) g on g.member_id = p.id
		where p.role = 'child' and p.birth_year between ${year} - 17 and ${year} - ${signInAge}`;

	// The team's first reply after a family's message(s), in the period: how long the family waited.
	const wait = sql`extract(epoch from m.created_at - m.answers_wait_since)`;
	const replies = sql`select count(*)::int as count,
		(percentile_cont(0.5) within group (order by ${wait}))::float8 as median,
		(percentile_cont(0.9) within group (order by ${wait}))::float8 as p90
		from ${messages} m join fam f on f.id = m.family_id
		where m.answers_wait_since is not null and m.created_at >= ${from} and m.created_at < ${until}`;

	const meetingRows = sql`select m.type, count(*) filter (where m.status = 'held')::int as held,
		count(*) filter (where m.status = 'not_held')::int as "notHeld"
		from ${meetings} m join fam f on f.id = m.family_id
		where m.starts_at >= ${from} and m.starts_at < ${until} and m.status in ('held', 'not_held') group by m.type`;

	const checkinRows = sql`select to_char(c.day, 'YYYY-MM') as month, c.life_area as area,
		avg(c.score)::float8 as average, count(*)::int as count
		from ${checkins} c join fam f on f.id = c.family_id
		where ${shown('c')} and c.day >= ${first} and c.day <= ${last}
		group by 1, 2 order by 1, 2`;

	return sql`with fam as materialized (
			select id, enrolled_on, ended_on, status, contact_person_id from ${families} where id in ${visibleFamilies(actor)}
		),
		-- Families with the team at some time in the period: whom the outcomes count.
		infam as materialized (select id, enrolled_on from fam where enrolled_on <= ${last} and (ended_on is null or ended_on >= ${first}))
		select ${first}::text as "startsOn", ${last}::text as "endsOn",
		${jsonRows(months)} as months,
		${jsonRows(caseloads)} as caseloads,
		(select caseload_target from ${teams} where id = ${actor.teamId}::uuid) as "caseloadTarget",
		${jsonRow(parents)} as parents,
		${jsonRow(school)} as school,
		${jsonRow(teenagers)} as teenagers,
		${jsonRow(replies)} as replies,
		${jsonRows(meetingRows)} as meetings,
		${jsonRows(checkinRows)} as checkins`;
}

export async function teamDashboard(db: Db, actor: StaffActor, period: Period): Promise<Dashboard> {
	const [row] = rowsOf<RawDashboard>(await db.execute(dashboardQuery(actor, period)));
	const byType = new Map(row.meetings.map((m) => [m.type, m]));
	return {
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		months: row.months,
		caseloads: row.caseloads,
		caseloadTarget: row.caseloadTarget,
		parents: {
			atStart: { total: row.parents.total, yes: row.parents.startYes },
			now: { total: row.parents.total, yes: row.parents.nowYes }
		},
		school: row.school,
		teenagers: row.teenagers,
		replies: row.replies,
		meetings: meetingTypes.map((type) => byType.get(type) ?? { type, held: 0, notHeld: 0 }),
		checkins: row.checkins.filter((c) => (lifeAreas as readonly string[]).includes(c.area))
	};
}

interface RawDashboard {
	startsOn: string;
	endsOn: string;
	months: MonthFigure[];
	caseloads: Caseload[];
	caseloadTarget: number | null;
	parents: { total: number; nowYes: number; startYes: number };
	school: Dashboard['school'];
	teenagers: Share;
	replies: Dashboard['replies'];
	meetings: Dashboard['meetings'];
	checkins: Dashboard['checkins'];
}
