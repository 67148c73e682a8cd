// Shared by the schema and the sync code. Relative imports only: drizzle-kit loads the schema
// (which imports this) without the app's path aliases.

/** Where a directory record came from: a sync source, or SCIM provisioning. */
export const DIRECTORY_SOURCES = ['ldap', 'dingtalk', 'feishu', 'file', 'scim'] as const;
export type DirectorySource = (typeof DIRECTORY_SOURCES)[number];

export const SYNC_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];
