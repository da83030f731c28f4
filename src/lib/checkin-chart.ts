/**
 * The geometry of the check-in chart, as plain numbers: one small chart per life area, time
 * along x (the last twelve weeks), the five steps along y. Pure, so the server renders the SVG
 * from it and a unit test checks it. In a right-to-left locale time runs right to left: the
 * newest day is drawn at the left and the faces (the y axis) stand at the right.
 */
import { lifeAreas, type CheckinScore, type LifeArea } from './codes';
import { dateTimeFormat } from './i18n/date-names';
import { timeZone, type Locale } from './i18n/locales';

export const chartWidth = 320;
export const chartHeight = 132;
/** Room for the faces (the y axis) at the inline start, and for half a date label at the end. */
const faceRoom = 34;
const endRoom = 26;
const top = 10;
const bottom = chartHeight - 26;

export interface ChartPoint {
	x: number;
	y: number;
	day: string;
	score: CheckinScore;
}

export interface AreaChart {
	lifeArea: LifeArea;
	/** Oldest first. */
	points: ChartPoint[];
	/** An SVG path through the points, oldest to newest. */
	line: string;
}

export interface Chart {
	dir: 'ltr' | 'rtl';
	/** The plot's left and right edges in SVG units. */
	left: number;
	right: number;
	top: number;
	bottom: number;
	/** Where the face for each step sits (the y axis). */
	steps: { score: CheckinScore; x: number; y: number }[];
	/** Date labels every four weeks, from today back. */
	ticks: { day: string; x: number }[];
	areas: AreaChart[];
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / dayMs);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 10) / 10;

export function scoreY(score: number): number {
	return round(top + ((5 - score) / 4) * (bottom - top));
}

/**
 * Builds the chart for check-ins (any order) from `days` days up to and including `today`.
 * Days outside that window are left out; areas without a check-in get no chart.
 */
export function buildChart(
	rows: readonly { lifeArea: LifeArea; day: string; score: CheckinScore }[],
	{ today, days = 84, dir = 'ltr' }: { today: string; days?: number; dir?: 'ltr' | 'rtl' }
): Chart {
	const rtl = dir === 'rtl';
	const left = rtl ? endRoom : faceRoom;
	const right = chartWidth - (rtl ? faceRoom : endRoom);
	const span = right - left;
	const xOf = (day: string) => {
		const t = (days - 1 - daysBetween(day, today)) / (days - 1);
		return round(rtl ? right - t * span : left + t * span);
	};
	const areas = lifeAreas
		.map((lifeArea) => {
			const points = rows
				.filter((r) => r.lifeArea === lifeArea)
				.filter((r) => {
					const ago = daysBetween(r.day, today);
					return ago >= 0 && ago < days;
				})
				.sort((a, b) => a.day.localeCompare(b.day))
				.map((r) => ({ x: xOf(r.day), y: scoreY(r.score), day: r.day, score: r.score }));
			const line = points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' ');
			return { lifeArea, points, line };
		})
		.filter((a) => a.points.length > 0);
	const faceX = rtl ? chartWidth - faceRoom / 2 : faceRoom / 2;
	const steps = ([1, 2, 3, 4, 5] as const).map((score) => ({ score, x: faceX, y: scoreY(score) }));
	const ticks = [0, 28, 56, days - 1]
		.filter((ago, i, all) => ago < days && all.indexOf(ago) === i)
		.map((ago) => addDays(today, -ago))
		.map((day) => ({ day, x: xOf(day) }));
	return { dir, left, right, top, bottom, steps, ticks, areas };
}

// Here, not in i18n/format.ts: only the chart needs it, and format.ts is in every page's JavaScript.
const shortDates = new Map<string, { format(date: Date): string }>();
/** Day and month ("22. nov.", with the year "22. nov. 2026"), in the reader's locale: the chart's axis, the table's rows. */
export function formatShortDate(day: string, locale: Locale, withYear = false): string {
	const key = `${locale}:${withYear}`;
	let f = shortDates.get(key);
	if (!f) {
		const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone, calendar: 'gregory' };
		shortDates.set(key, (f = dateTimeFormat(locale, withYear ? { ...options, year: 'numeric' } : options)));
	}
	return f.format(new Date(`${day}T12:00:00Z`));
}
