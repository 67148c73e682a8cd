import type { Transaction } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import type { ScimClient } from './tokens';

/** SCIM writes run as the system actor; their audit row names the token (the identity provider) that asked. */
export async function auditScim(
  tx: Pick<Transaction, 'insert'>, client: ScimClient, action: string,
  target: { type: 'user' | 'department'; id: string }, data: Record<string, unknown> = {},
) {
  await recordAudit(tx, systemActor, {
    organizationId: client.organizationId, action, targetType: target.type, targetId: target.id,
    data: { via: 'scim', tokenId: client.tokenId, token: client.tokenName, ...data },
  });
}
