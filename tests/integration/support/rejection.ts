import type { DomainError } from '@/lib/errors';

/** The domain error a call fails with; the test fails if the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}
