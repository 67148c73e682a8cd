export * from './org';
export * from './auth';
export * from './system';
export * from './spaces';
export * from './tasks';
export * from './realtime';
export * from './chat';
export * from './files';
