export * from './community.ts';
export * from './medicine.ts';
export * from './notices.ts';
export * from './parcels.ts';
export * from './platform.ts';
export * from './shifts.ts';
export * from './testing.ts';
