import { spaceStateRoute } from '@/lib/spaces/state-route';

export const dynamic = 'force-dynamic';

export const POST = spaceStateRoute('archive');
