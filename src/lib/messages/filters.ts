/** The inbox's filters, in the order its links show them (the server reads `?filter=` against these). */
export const inboxFilters = ['all', 'unread', 'waiting', 'mine', 'stand_in'] as const;
export type InboxFilter = (typeof inboxFilters)[number];
