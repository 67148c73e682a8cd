import type { DirectorySource } from './rules';

/**
 * What every directory source (LDAP, DingTalk, Feishu, a CSV/xlsx file) reads: the whole tree and
 * everyone in it, in the source's own ids. The sync engine (lib/directory/sync) compares it with
 * what the organisation holds and plans the changes; sources never write to the database.
 */
export interface DirectoryDepartment {
  /** The source's stable id (LDAP entryUUID or DN, DingTalk dept_id, Feishu open_department_id…). */
  externalId: string;
  name: string;
  /** null for a top-level department. */
  parentExternalId: string | null;
}

export interface DirectoryPerson {
  /** The source's stable id (entryUUID, DingTalk userid, Feishu open_id/user_id, the file's employee id…). */
  externalId: string;
  name: string;
  email: string | null;
  /**
   * false when the address is the person's own (DingTalk's or Feishu's personal email, not the
   * organisation mailbox): it never matches an existing account. Unset: the source vouches for it.
   */
  emailVerified?: boolean;
  phone: string | null;
  title: string | null;
  /** 工号, unique within the organisation when given. */
  employeeId: string | null;
  /** The person's main department; null when none. */
  departmentExternalId: string | null;
  /** false for someone the source lists as disabled or resigned (a leaver). */
  active: boolean;
}

/** A record the source could not turn into a department or person, and why (for the sync report). */
export interface SkippedRecord {
  /** How a person recognises the record: a DN, a row number, an id with a name. */
  record: string;
  reason: string;
  /**
   * The source's id of a person it lists but could not read, when known: such a person is still
   * there, so the sync neither changes them nor takes them for a leaver.
   */
  externalId?: string;
}

/** Person fields a source may not carry at all (a staff list without that column). */
export type OptionalPersonField = 'phone' | 'title' | 'employeeId' | 'departmentExternalId';

export interface DirectorySnapshot {
  source: DirectorySource;
  departments: DirectoryDepartment[];
  people: DirectoryPerson[];
  skipped: SkippedRecord[];
  /** Fields this source does not carry: the sync leaves them as they are instead of clearing them. */
  missingFields?: OptionalPersonField[];
}

/** A configured source, ready to read. */
export interface DirectoryReader {
  source: DirectorySource;
  read(): Promise<DirectorySnapshot>;
}
