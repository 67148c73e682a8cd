import { notFound } from 'next/navigation';
import { isDomainError } from '@/lib/errors';

/** Runs a page's query; a domain 404 (missing, or not the visitor's to see) becomes the not-found page. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isDomainError(error) && error.status === 404) notFound();
    throw error;
  }
}
