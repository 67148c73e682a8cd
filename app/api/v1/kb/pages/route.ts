import { apiRoute } from '@/lib/http/api-route';
import { createPageAnswer, listPagesAnswer } from '@/lib/kb/api';

export const dynamic = 'force-dynamic';

/** The organisation's knowledge pages: every member reads them, organisation admins write them. */
export const GET = apiRoute(({ request, user }) => listPagesAnswer(request, user, null));

export const POST = apiRoute(({ request, user }) => createPageAnswer(request, user, null));
