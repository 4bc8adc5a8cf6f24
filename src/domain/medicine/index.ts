export * from './critical-medicines.ts';
export * from './status.ts';
export * from './trips.ts';
export * from './urgency.ts';
