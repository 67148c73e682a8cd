export * from './org';
export * from './auth';
export * from './system';
export * from './spaces';
export * from './tasks';
