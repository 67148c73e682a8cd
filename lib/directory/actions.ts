'use server';

import { redirect } from 'next/navigation';
import { NotFound } from '@/lib/errors';
import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { configuredSource } from './sources';
import { applyPreviewedFile, applySync, previewSync } from './sync';

// The admin page's buttons; the services check permission. Each opens the run it made.
const runPage = (runId: string) => `/admin/directory?run=${runId}`;

function readerOf(source: string) {
  const configured = configuredSource(source);
  if (!configured) throw NotFound();
  return configured.reader();
}

export const previewSourceAction = authedAction(async (actor, input, user): Promise<void> => {
  const run = await previewSync(actor, user.organizationId, readerOf(formText(input.source)));
  redirect(runPage(run.id));
});

export const applySourceAction = authedAction(async (actor, input, user): Promise<void> => {
  const run = await applySync(actor, user.organizationId, readerOf(formText(input.source)));
  redirect(runPage(run.id));
}, { revalidate: '/admin' });

export const applyPreviewedFileAction = authedAction(async (actor, input, user): Promise<void> => {
  const run = await applyPreviewedFile(actor, user.organizationId, formText(input.runId));
  redirect(runPage(run.id));
}, { revalidate: '/admin' });
