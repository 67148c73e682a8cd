import { DomainError } from '@/lib/errors';

/** The page as it is now, for the person whose save came too late (they merge and save again). */
export interface CurrentPageState {
  version: number;
  title: string;
  content: unknown;
  updatedByName: string | null;
  updatedAt: Date;
}

/** A save based on an older version than the page's: told, never written over the newer one. */
export class PageConflictError extends DomainError {
  constructor(readonly current: CurrentPageState) {
    super('conflict', 409, 'kbPageConflict');
    this.name = 'PageConflictError';
  }
}

export const isPageConflict = (error: unknown): error is PageConflictError => error instanceof PageConflictError;
