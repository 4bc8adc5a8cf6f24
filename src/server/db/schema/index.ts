export * from './community.ts';
export * from './group-buys.ts';
export * from './medicine.ts';
export * from './notices.ts';
export * from './parcels.ts';
export * from './platform.ts';
export * from './shifts.ts';
export * from './testing.ts';
