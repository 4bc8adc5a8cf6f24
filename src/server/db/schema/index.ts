export * from './community.ts';
export * from './notices.ts';
export * from './platform.ts';
export * from './shifts.ts';
