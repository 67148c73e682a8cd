'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { saveSpaceAsTemplate } from '@/lib/templates/space-templates';
import { addSpaceMembers, removeSpaceMember, updateSpaceMember } from './members';
import { archiveSpace, createSpace, unarchiveSpace, updateSpace } from './service';

// Form actions for spaces; every service checks the actor's permission in the space itself.
const saved = { revalidate: '/', successMessage: 'settings.saved' } as const;

export const createSpaceAction = authedAction(async (actor, input, user): Promise<void> => {
  const space = await createSpace(actor, user.organizationId, input);
  redirect(`/spaces/${space.id}`);
});

export const updateSpaceAction = authedAction(async (actor, input): Promise<void> => {
  await updateSpace(actor, formText(input.spaceId), input);
}, saved);

export const archiveSpaceAction = authedAction(async (actor, input): Promise<void> => {
  await archiveSpace(actor, formText(input.spaceId));
}, { revalidate: '/', successMessage: 'spaces.archivedNotice' });

export const unarchiveSpaceAction = authedAction(async (actor, input): Promise<void> => {
  await unarchiveSpace(actor, formText(input.spaceId));
}, { revalidate: '/', successMessage: 'spaces.unarchivedNotice' });

export const addSpaceMembersAction = authedAction(async (actor, input): Promise<number> => {
  return (await addSpaceMembers(actor, formText(input.spaceId), input)).length;
}, { revalidate: '/' });

export const updateSpaceMemberAction = authedAction(async (actor, input): Promise<void> => {
  await updateSpaceMember(actor, formText(input.spaceId), formText(input.userId), input);
}, saved);

export const removeSpaceMemberAction = authedAction(async (actor, input): Promise<void> => {
  await removeSpaceMember(actor, formText(input.spaceId), formText(input.userId));
}, { revalidate: '/' });

export const saveSpaceAsTemplateAction = authedAction(async (actor, input): Promise<void> => {
  await saveSpaceAsTemplate(actor, formText(input.spaceId), input);
}, { revalidate: '/', successMessage: 'spaces.templateSaved' });
