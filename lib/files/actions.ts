'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { attachFile, detachFile } from './attachments';
import { createFolder, deleteFile, deleteFolder, restoreFile, restoreFolder, updateFile, updateFolder } from './manage';
import { purgeFromBin } from './purge';
import { setStar } from './stars';
import { restoreVersion } from './versions';

// Form actions of the file library; the services check the actor's permission.

export const createFolderAction = authedAction(async (actor, input): Promise<void> => {
  await createFolder(actor, formText(input.spaceId), input);
}, { revalidate: '/', successMessage: 'files.folderCreated' });

/** Renames or moves a file (`fileId`) or folder (`folderId`): the fields present say which. */
export const updateItemAction = authedAction(async (actor, input): Promise<void> => {
  const change: Record<string, unknown> = {};
  if ('name' in input) change.name = input.name;
  if ('targetFolderId' in input) change.folderId = input.targetFolderId;
  if (input.fileId) await updateFile(actor, formText(input.fileId), change);
  else await updateFolder(actor, formText(input.folderId), change);
}, { revalidate: '/', successMessage: 'files.saved' });

export const deleteItemAction = authedAction(async (actor, input): Promise<void> => {
  if (input.fileId) await deleteFile(actor, formText(input.fileId));
  else await deleteFolder(actor, formText(input.folderId));
}, { revalidate: '/' });

export const restoreItemAction = authedAction(async (actor, input): Promise<void> => {
  if (input.fileId) await restoreFile(actor, formText(input.fileId));
  else await restoreFolder(actor, formText(input.folderId));
}, { revalidate: '/' });

export const purgeItemAction = authedAction(async (actor, input): Promise<void> => {
  await purgeFromBin(actor, input.fileId ? { fileId: formText(input.fileId) } : { folderId: formText(input.folderId) });
}, { revalidate: '/' });

export const starAction = authedAction(async (actor, input): Promise<void> => {
  await setStar(actor, formText(input.fileId), input.starred === 'true');
}, { revalidate: '/' });

export const restoreVersionAction = authedAction(async (actor, input): Promise<void> => {
  await restoreVersion(actor, formText(input.fileId), formText(input.versionId));
}, { revalidate: '/', successMessage: 'files.versionRestored' });

export const attachFileAction = authedAction(async (actor, input): Promise<void> => {
  await attachFile(actor, formText(input.fileId), input);
}, { revalidate: '/' });

export const detachFileAction = authedAction(async (actor, input): Promise<void> => {
  await detachFile(actor, formText(input.attachmentId));
}, { revalidate: '/' });
