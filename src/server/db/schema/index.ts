export * from './community.ts';
export * from './platform.ts';
export * from './shifts.ts';
