import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords';

/** argon2id with OWASP's minimum: 19 MiB, 2 iterations, 1 lane. */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const passwordLength = { min: 8, max: 128 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A real hash to verify against when the email is unknown, so both answers take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword('opgang decoy password that nobody has');
	return decoy;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooCommon';

/**
 * NIST 800-63B: length, not composition rules, and no password from a list of common ones
 * (nor the person's own e-mail or phone number: eight digits pass the length rule).
 */
export function passwordProblem(password: string, email?: string, phone?: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < passwordLength.min) return 'tooShort';
	if (length > passwordLength.max) return 'tooLong';
	const lowered = password.toLowerCase();
	if (commonPasswords.has(lowered)) return 'tooCommon';
	if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|9876543210|abcdefgh)/.test(lowered)) return 'tooCommon';
	if (email && (lowered === email.toLowerCase() || lowered === email.toLowerCase().split('@')[0])) return 'tooCommon';
	if (phone && /^[\d\s+\-.]+$/.test(password)) {
		const digits = password.replace(/\D/g, '');
		const full = phone.replace(/\D/g, '');
		if (digits === full || digits === full.replace(/^45/, '') || digits === `00${full}`) return 'tooCommon';
	}
	return null;
}
