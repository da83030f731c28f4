import type { ParamMatcher } from '@sveltejs/kit';
import { uuidPattern } from '$lib/shapes';

export const match: ParamMatcher = (param) => uuidPattern.test(param);
