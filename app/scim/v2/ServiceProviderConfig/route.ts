import { serviceProviderConfig } from '@/lib/scim/discovery';
import { scimResponse, scimRoute } from '@/lib/scim/http';

export const dynamic = 'force-dynamic';

export const GET = scimRoute(async () => scimResponse(serviceProviderConfig()));
