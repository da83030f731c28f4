export * from './people';
export * from './auth';
export * from './audit';
export * from './wishes';
export * from './checkins';
export * from './meetings';
export * from './goals';
export * from './calendar-feeds';
