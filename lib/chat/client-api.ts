// Calls the chat's REST endpoints from the browser (the session cookie authenticates). Client-safe.
import type { ChannelReaders, MessagePage } from './queries';
import type { ChatPerson, MessageResource, ReactionSummary } from './resources';

export class ChatRequestError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    headers: init.body ? { 'content-type': 'application/json', ...init.headers } : init.headers,
  }).catch(() => null);
  if (!response) throw new ChatRequestError('', 0);
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
  if (!response.ok) {
    const fieldMessage = body?.error?.fields ? Object.values(body.error.fields)[0]?.[0] : undefined;
    throw new ChatRequestError(fieldMessage ?? body?.error?.message ?? '', response.status);
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const id = encodeURIComponent;

export const chatApi = {
  olderMessages: (channelId: string, before: number) => request<MessagePage>(`/channels/${id(channelId)}/messages?before=${before}`),
  newerMessages: (channelId: string, after: number) => request<MessagePage>(`/channels/${id(channelId)}/messages?after=${after}&limit=200`),
  post: (channelId: string, body: string, clientKey: string, parentId?: string) =>
    request<{ message: MessageResource }>(`/channels/${id(channelId)}/messages`, json('POST', { body, clientKey, parentId })),
  edit: (messageId: string, body: string) => request<{ message: MessageResource }>(`/messages/${id(messageId)}`, json('PATCH', { body })),
  remove: (messageId: string) => request<void>(`/messages/${id(messageId)}`, { method: 'DELETE' }),
  react: (messageId: string, emoji: string, on: boolean) =>
    request<{ reactions: ReactionSummary[] }>(
      on ? `/messages/${id(messageId)}/reactions` : `/messages/${id(messageId)}/reactions?emoji=${id(emoji)}`,
      on ? json('POST', { emoji }) : { method: 'DELETE' },
    ),
  thread: (messageId: string) => request<{ root: MessageResource; replies: MessageResource[] }>(`/messages/${id(messageId)}/thread`),
  markRead: (channelId: string, lastReadSeq: number) => request<{ lastReadSeq: number }>(`/channels/${id(channelId)}/read`, json('POST', { lastReadSeq })),
  attach: (fileId: string, messageId: string) => request<void>(`/files/${id(fileId)}/attachments`, json('POST', { targetType: 'message', targetId: messageId })),
  readers: (channelId: string) => request<ChannelReaders>(`/channels/${id(channelId)}/readers`),
};

export type { ChatPerson };
