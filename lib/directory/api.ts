import { z } from 'zod';
import type { DirectorySyncRun } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { fileReader } from './file-source';
import type { SyncReport } from './report';
import { configuredSource } from './sources';
import { applyPreviewedFile, applySync, previewSync } from './sync';

// What the REST routes under /api/v1/directory do; the page's actions call the same services.

/** A run as the API shows it: the report without the stored upload. */
export function runResource(run: DirectorySyncRun) {
  const { snapshot: _snapshot, ...report } = run.report as unknown as SyncReport;
  return {
    id: run.id, source: run.source, dryRun: run.dryRun, status: run.status, error: run.error,
    startedAt: run.startedAt, finishedAt: run.finishedAt, report,
  };
}

function configuredReader(source: string) {
  const configured = configuredSource(source);
  if (!configured) throw NotFound();
  return configured.reader();
}

// An .xlsx is a zip; anything else is read as CSV (and refused by the CSV reader if it is not one).
const uploadName = (bytes: Uint8Array) => (bytes[0] === 0x50 && bytes[1] === 0x4b ? 'upload.xlsx' : 'upload.csv');

/** Preview: a configured source is read; the file source reads the uploaded bytes (type sniffed, not trusted). */
export async function previewFromApi(actor: Actor, organizationId: string, source: string, upload: () => Promise<Uint8Array>) {
  const reader = source === 'file' ? await upload().then((bytes) => fileReader(bytes, uploadName(bytes))) : configuredReader(source);
  return runResource(await previewSync(actor, organizationId, reader));
}

const applyFileSchema = z.object({ previewRunId: z.uuid('directory.problems.previewRunRequired') });

/** Apply: a configured source is read again; a file is applied from its preview (`previewRunId`). */
export async function applyFromApi(actor: Actor, organizationId: string, source: string, body: () => Promise<unknown>) {
  if (source !== 'file') return runResource(await applySync(actor, organizationId, configuredReader(source)));
  const { previewRunId } = parseInput(applyFileSchema, await body());
  return runResource(await applyPreviewedFile(actor, organizationId, previewRunId));
}
