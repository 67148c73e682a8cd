'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { createDepartment, deleteDepartment, moveDepartment, renameDepartment } from './department-service';
import { inviteUser } from './invitations';
import { setUserActive, setUserAdmin } from './user-admin-service';

// Organisation admin actions; every service checks the actor's permission itself.
const options = { revalidate: '/', successMessage: 'settings.saved' } as const;

export const setUserActiveAction = authedAction(async (actor, input, user): Promise<void> => {
  await setUserActive(actor, user.organizationId, formText(input.userId), input.active === '1');
}, options);

export const setUserAdminAction = authedAction(async (actor, input, user): Promise<void> => {
  await setUserAdmin(actor, user.organizationId, formText(input.userId), input.admin === '1');
}, options);

export const createDepartmentAction = authedAction(async (actor, input, user): Promise<void> => {
  await createDepartment(actor, user.organizationId, { name: formText(input.name), parentId: formText(input.parentId) || null });
}, options);

export const renameDepartmentAction = authedAction(async (actor, input, user): Promise<void> => {
  await renameDepartment(actor, user.organizationId, formText(input.departmentId), input);
}, options);

export const moveDepartmentAction = authedAction(async (actor, input, user): Promise<void> => {
  await moveDepartment(actor, user.organizationId, formText(input.departmentId), input);
}, options);

export const deleteDepartmentAction = authedAction(async (actor, input, user): Promise<void> => {
  await deleteDepartment(actor, user.organizationId, formText(input.departmentId));
}, options);

/** Returns the invitation's path; the form shows it as a link to copy (email delivery comes later). */
export const inviteUserAction = authedAction(async (actor, input, user) => {
  const { path } = await inviteUser(actor, user.organizationId, input);
  return { path };
}, { revalidate: '/admin' });
