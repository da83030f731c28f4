/**
 * Each test that changes something gets a family of its own: the test server loads
 * `testFamilyCount` of them (src/lib/server/demo/test-families.ts) and each test claims the
 * next free one, across worker processes, by creating a file only one process can create.
 */
import { mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';

export const testFamilyCount = 160;
/** Families with a message waiting for the team (src/lib/server/demo/test-messages.ts). */
export const messageFamilyCount = 30;
/** Emptied by the test server's start command (playwright.config.ts). */
export const claimsDir = process.env.E2E_CLAIMS_DIR ?? '.e2e-claims';

export interface OwnFamily {
	k: number;
	/** The family's name as staff see it in lists ("Familien Prøve 7"). */
	familyName: string;
	parent: { name: string; email: string };
	/** 15 years old, no sign-in yet. */
	teen: { name: string };
	/** 9 years old. */
	child: { name: string };
	/** Grandmother, prefers Arabic, no sign-in yet. */
	grandmother: { name: string };
	/** The contact person, who sees this family only. */
	staff: { name: string; email: string };
	/** On the family's team, no sign-in. */
	involved: { name: string };
}

/** The first number from 1 to `count` that no other test has claimed under `prefix`, across worker processes. */
function claim(prefix: string, count: number): number | null {
	mkdirSync(claimsDir, { recursive: true });
	for (let k = 1; k <= count; k++) {
		try {
			closeSync(openSync(path.join(claimsDir, `${prefix}${k}`), 'wx'));
			return k;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
			throw e;
		}
	}
	return null;
}

export function claimFamily(): OwnFamily {
	const k = claim('', testFamilyCount);
	if (k !== null) {
		return {
			k,
			familyName: `Familien Prøve ${k}`,
			parent: { name: `Pia Prøve ${k}`, email: `parent-${k}@e2e.test` },
			teen: { name: `Theo Prøve ${k}` },
			child: { name: `Bo Prøve ${k}` },
			grandmother: { name: `Gerda Prøve ${k}` },
			staff: { name: `Kim Kontakt ${k}`, email: `staff-${k}@e2e.test` },
			involved: { name: `Ida Involveret ${k}` }
		};
	}
	throw new Error(`All ${testFamilyCount} test families are taken: raise testFamilyCount in tests/e2e/own.ts`);
}

export interface MessageFamily {
	k: number;
	/** As staff see it in lists ("Familien Besked 3"). */
	familyName: string;
	/** Prefers Arabic; wrote "Brev fra boligselskabet" (in Arabic) 2 days 3 hours ago. */
	parent: { name: string; email: string };
	/** 15; wrote the private "Fritidsjob" 3 hours 10 minutes ago. */
	teen: { name: string; email: string };
	/** The contact person, who answers both. */
	staff: { name: string; email: string };
	/** Works with the family. */
	colleague: { name: string; email: string };
	/** On the team, not with this family: the contact person of `neighbours`. */
	outsider: { name: string; email: string };
	/** Ulla's own family ("Familien Nabo 3"), without conversations. */
	neighbours: { familyName: string };
}

/** A family with messages waiting for the team, claimed by one test only. */
export function claimMessageFamily(): MessageFamily {
	const k = claim('m', messageFamilyCount);
	if (k === null) throw new Error(`All ${messageFamilyCount} message families are taken: raise messageFamilyCount in tests/e2e/own.ts`);
	return {
		k,
		familyName: `Familien Besked ${k}`,
		parent: { name: `Amal Besked ${k}`, email: `msg-parent-${k}@e2e.test` },
		teen: { name: `Yasin Besked ${k}`, email: `msg-teen-${k}@e2e.test` },
		staff: { name: `Klara Kontakt ${k}`, email: `msg-staff-${k}@e2e.test` },
		colleague: { name: `Carl Kollega ${k}`, email: `msg-colleague-${k}@e2e.test` },
		outsider: { name: `Ulla Udenfor ${k}`, email: `msg-outsider-${k}@e2e.test` },
		neighbours: { familyName: `Familien Nabo ${k}` }
	};
}
