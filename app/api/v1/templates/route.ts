import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { localeOrDefault } from '@/lib/i18n/config';
import { listSpaceTemplates } from '@/lib/templates/space-templates';

export const dynamic = 'force-dynamic';

/** The scenario templates: the four built-ins (names in the caller's language), then the organisation's own. */
export const GET = apiRoute(async ({ user }) => ({
  templates: await listSpaceTemplates(userActor(user), user.organizationId, localeOrDefault(user.locale)),
}));
