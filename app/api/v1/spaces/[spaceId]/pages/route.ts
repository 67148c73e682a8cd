import { apiRoute } from '@/lib/http/api-route';
import { createPageAnswer, listPagesAnswer } from '@/lib/kb/api';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The space's knowledge pages in tree order, or those matching `q` (Chinese or English) and `tagId`. */
export const GET = apiRoute<Params>(({ request, user, params }) => listPagesAnswer(request, user, params.spaceId));

export const POST = apiRoute<Params>(({ request, user, params }) => createPageAnswer(request, user, params.spaceId));
