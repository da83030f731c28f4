/**
 * The departments every municipality has, whose names the portal translates (codes.ts re-exports
 * them). A module of its own: the family's pages name a person's department (StaffPerson.svelte),
 * and importing the whole code list for that put 600 B of staff codes into /home's JavaScript.
 */
export const standardDepartments = ['employment', 'social', 'children_youth', 'health', 'culture'] as const;
export type StandardDepartment = (typeof standardDepartments)[number];
