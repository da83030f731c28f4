/**
 * Each test that changes something gets a family of its own: the test server loads
 * `testFamilyCount` of them (src/lib/server/demo/test-families.ts) and each test claims the
 * next free one, across worker processes, by creating a file only one process can create.
 */
import { mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';

export const testFamilyCount = 80;
/** Emptied by the test server's start command (playwright.config.ts). */
export const claimsDir = '.e2e-claims';

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

export function claimFamily(): OwnFamily {
	mkdirSync(claimsDir, { recursive: true });
	for (let k = 1; k <= testFamilyCount; k++) {
		try {
			closeSync(openSync(path.join(claimsDir, String(k)), 'wx'));
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
			throw e;
		}
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
