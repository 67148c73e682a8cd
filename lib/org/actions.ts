'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/http/authed-action';
import type { PreferencesInput, ProfileInput } from './schema';
import { setOwnFavoriteDepartments, updateOwnPreferences, updateOwnProfile } from './service';

export const completeOnboardingAction = authedAction(async (actor, input): Promise<void> => {
  await updateOwnProfile(actor, input as ProfileInput);
  redirect('/');
});

export const updateProfileAction = authedAction(
  async (actor, input) => {
    await updateOwnProfile(actor, input as ProfileInput);
  },
  { revalidate: '/', successMessage: 'settings.saved' },
);

export const updatePreferencesAction = authedAction(
  async (actor, input) => {
    await updateOwnPreferences(actor, input as PreferencesInput);
  },
  { revalidate: '/', successMessage: 'settings.saved' },
);

export const updateFavoriteDepartmentsAction = authedAction(
  async (actor, input) => {
    await setOwnFavoriteDepartments(actor, input);
  },
  { revalidate: '/', successMessage: 'settings.saved' },
);
