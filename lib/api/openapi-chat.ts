import { z } from 'zod';
import { channelListItemSchema, channelResourceSchema, messageResourceSchema, reactionSummarySchema } from '@/lib/chat/resources';
import {
  createChannelSchema, editMessageSchema, listMessagesSchema, markReadSchema, postMessageSchema, reactionSchema, searchMessagesSchema, updateChannelSchema,
} from '@/lib/chat/schema';
import { body, common, componentRef, json, listQueryParameters, pathParam, problem, writes } from './openapi-parts';

// Group chat and the space's event stream in the OpenAPI document.

export const chatRequests = {
  CreateChannel: createChannelSchema, UpdateChannel: updateChannelSchema, PostMessage: postMessageSchema, EditMessage: editMessageSchema,
  Reaction: reactionSchema, MarkRead: markReadSchema,
};

const person = z.object({ id: z.uuid(), name: z.string(), avatarUrl: z.string().nullable() });

export const chatResponses = {
  ChatPerson: person,
  Channel: channelResourceSchema,
  ChannelListItem: channelListItemSchema,
  Message: messageResourceSchema,
  Reaction: reactionSummarySchema,
  MessagePage: z.object({ messages: z.array(messageResourceSchema), hasOlder: z.boolean(), hasNewer: z.boolean(), seq: z.int() }),
  ChannelReaders: z.object({ audience: z.array(person), lastRead: z.record(z.string(), z.int()) }),
  MessageSearchResult: z.object({
    hits: z.array(z.object({ message: messageResourceSchema, channelName: z.string(), snippet: z.string(), highlights: z.array(z.tuple([z.int(), z.int()])) })),
    total: z.int(),
    capped: z.boolean(),
    nextBefore: z.int().nullable(),
  }),
};

const spaceId = pathParam('spaceId', 'The space.');
const channelId = pathParam('channelId', 'A group chat.');
const messageId = pathParam('messageId', 'A message.');
const answer = (description: string, properties: Record<string, object>) => ({ description, ...json({ type: 'object', properties, required: Object.keys(properties) }) });
const channelAnswer = (description: string) => answer(description, { channel: componentRef('Channel') });
const messageAnswer = (description: string) => answer(description, { message: componentRef('Message') });
const reactionsAnswer = answer('The message’s reactions now.', { reactions: { type: 'array', items: componentRef('Reaction') } });

export function chatPaths() {
  return {
    '/spaces/{spaceId}/events': {
      parameters: [spaceId],
      get: {
        operationId: 'spaceEvents',
        summary: 'The space’s event stream (Server-Sent Events): messages, reactions, read receipts, channel and task changes. Each event’s `id` is the space’s event number; reconnect with `Last-Event-ID` (or `?lastEventId=`) to receive what was missed, in order, once. `ready` gives the current number on a first connect; `reset` means too much was missed: reload. A comment line every 20 s keeps proxies from closing it.',
        parameters: [{ name: 'lastEventId', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' } }],
        responses: { '200': { description: 'The stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '422': problem('The last event id is not a number.'), ...common },
      },
    },
    '/spaces/{spaceId}/channels': {
      parameters: [spaceId],
      get: {
        operationId: 'listChannels',
        summary: 'The space’s group chats the caller may see (全员 first), with unread and mention counts; `archived=1` adds archived ones',
        parameters: [{ name: 'archived', in: 'query', required: false, schema: { type: 'string', enum: ['1'] } }],
        responses: { '200': answer('The group chats.', { data: { type: 'array', items: componentRef('ChannelListItem') } }), ...common },
      },
      post: { operationId: 'createChannel', summary: 'Open a group chat (space admins and owners): by topic or department, public or private', requestBody: body('CreateChannel'), responses: { '201': channelAnswer('The new chat.'), ...writes } },
    },
    '/channels/{channelId}': {
      parameters: [channelId],
      get: { operationId: 'getChannel', summary: 'A group chat', responses: { '200': channelAnswer('The chat.'), ...common } },
      patch: { operationId: 'updateChannel', summary: 'Rename a chat, change its topic, or a private chat’s members', requestBody: body('UpdateChannel'), responses: { '200': channelAnswer('The chat as changed.'), ...writes } },
    },
    '/channels/{channelId}/archive': {
      parameters: [channelId],
      post: { operationId: 'archiveChannel', summary: 'Make a chat read-only (not the 全员 chat)', responses: { '200': channelAnswer('The archived chat.'), ...writes } },
    },
    '/channels/{channelId}/unarchive': {
      parameters: [channelId],
      post: { operationId: 'unarchiveChannel', summary: 'Open an archived chat again', responses: { '200': channelAnswer('The chat.'), ...writes } },
    },
    '/channels/{channelId}/messages': {
      parameters: [channelId],
      get: {
        operationId: 'listMessages',
        summary: 'The latest messages, or those `before` / `after` / `around` a seq; thread replies stay in their threads',
        parameters: listQueryParameters(listMessagesSchema),
        responses: { '200': { description: 'A page of messages, oldest first.', ...json(componentRef('MessagePage')) }, '422': problem('A parameter is invalid.'), ...common },
      },
      post: {
        operationId: 'postMessage',
        summary: 'Post a message (Markdown-lite; mentions as <@userId> or <!all>). Send a `clientKey`: a retry with the same key returns the stored message (200) instead of storing it again.',
        requestBody: body('PostMessage'),
        responses: { '201': messageAnswer('Stored and announced.'), '200': messageAnswer('Already stored under this client key.'), '429': problem('Posting too fast.'), ...writes },
      },
    },
    '/channels/{channelId}/read': {
      parameters: [channelId],
      post: { operationId: 'markChannelRead', summary: 'Mark the chat read up to a seq (never back)', requestBody: body('MarkRead'), responses: { '200': answer('The read position.', { lastReadSeq: { type: 'integer' } }), ...writes } },
    },
    '/channels/{channelId}/readers': {
      parameters: [channelId],
      get: { operationId: 'channelReaders', summary: 'Who the chat’s messages are for and how far each has read (read receipts)', responses: { '200': { description: 'Readers.', ...json(componentRef('ChannelReaders')) }, ...common } },
    },
    '/messages/{messageId}': {
      parameters: [messageId],
      patch: { operationId: 'editMessage', summary: 'Change the text of one’s own message', requestBody: body('EditMessage'), responses: { '200': messageAnswer('The edited message.'), ...writes } },
      delete: { operationId: 'deleteMessage', summary: 'Delete one’s own message (space admins and owners: any)', responses: { '204': { description: 'Deleted.' }, ...writes } },
    },
    '/messages/{messageId}/thread': {
      parameters: [messageId],
      get: { operationId: 'getThread', summary: 'A thread: its first message and its replies', responses: { '200': answer('The thread.', { root: componentRef('Message'), replies: { type: 'array', items: componentRef('Message') } }), ...common } },
    },
    '/messages/{messageId}/receipts': {
      parameters: [messageId],
      get: { operationId: 'messageReceipts', summary: 'Who has read a message and who has not', responses: { '200': answer('Receipts.', { read: { type: 'array', items: componentRef('ChatPerson') }, unread: { type: 'array', items: componentRef('ChatPerson') } }), ...common } },
    },
    '/messages/{messageId}/reactions': {
      parameters: [messageId],
      post: { operationId: 'addReaction', summary: 'Add the caller’s reaction (one emoji)', requestBody: body('Reaction'), responses: { '200': reactionsAnswer, ...writes } },
      delete: {
        operationId: 'removeReaction',
        summary: 'Remove the caller’s reaction',
        parameters: [{ name: 'emoji', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { '200': reactionsAnswer, ...writes },
      },
    },
    '/spaces/{spaceId}/messages/search': {
      parameters: [spaceId],
      get: {
        operationId: 'searchMessages',
        summary: 'Messages containing every keyword of `q` (Chinese or English: exact substring results), newest first; counts stop at 1000',
        parameters: listQueryParameters(searchMessagesSchema),
        responses: { '200': { description: 'Hits with snippets and highlights.', ...json(componentRef('MessageSearchResult')) }, '422': problem('Nothing to search for, or a parameter is invalid.'), ...common },
      },
    },
    '/me/unread': {
      get: { operationId: 'myUnread', summary: 'Unread messages and mentions in each of the caller’s active spaces', responses: { '200': answer('By space.', { spaces: { type: 'object', additionalProperties: { type: 'object', properties: { unread: { type: 'integer' }, mentions: { type: 'integer' } } } } }), ...common } },
    },
  };
}
