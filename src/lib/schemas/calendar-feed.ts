import { z } from 'zod';

/** The calendar feed's form (CalendarFeed.svelte): make a link (or a new one in its place), or turn it off. */
export const calendarFeedSchema = z.object({ feed: z.enum(['make', 'off'], { message: 'validation.invalid' }) });
