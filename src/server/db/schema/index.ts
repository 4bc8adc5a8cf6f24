export * from './community.ts';
export * from './platform.ts';
