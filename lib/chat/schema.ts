import { z } from 'zod';
import { blankToUndefined, formBoolean, idListSchema } from '@/lib/validation';
import { CHANNEL_NAME_MAX, CHANNEL_TOPIC_MAX, MESSAGE_MAX, MESSAGE_PAGE_SIZE, REACTION_MAX } from './rules';

// Messages are keys of the `validation` catalogue, as elsewhere; the same schemas parse forms,
// the API's JSON and document the API.

const channelName = z.string('required').trim().min(1, 'required').max(CHANNEL_NAME_MAX, 'tooLong')
  .refine((v) => !/[\r\n]/.test(v), 'singleLine');
const channelTopic = z.preprocess(blankToUndefined, z.string().trim().max(CHANNEL_TOPIC_MAX, 'tooLong').nullable().optional());

export const createChannelSchema = z.object({
  name: channelName,
  topic: channelTopic,
  /** A department's group or a topic's; the space's 全员 channel is made with the space. */
  kind: z.preprocess(blankToUndefined, z.enum(['department', 'topic'], 'invalid').default('topic')),
  departmentId: z.preprocess(blankToUndefined, z.uuid('departmentUnknown').nullable().optional()),
  isPrivate: z.preprocess(blankToUndefined, formBoolean.default(false)),
  /** A private channel's members besides its creator; members of the space. */
  memberIds: idListSchema('userUnknown', 500),
});
export type CreateChannelInput = Partial<z.input<typeof createChannelSchema>>;

export const updateChannelSchema = z.object({
  name: channelName.optional(),
  topic: channelTopic,
  /** A private channel's members, replacing the list. */
  memberIds: idListSchema('userUnknown', 500).optional(),
});
export type UpdateChannelInput = Partial<z.input<typeof updateChannelSchema>>;

// Blank is refused, but what is typed is kept as typed (leading spaces of a code block matter).
const messageBody = z.string('messageRequired').max(MESSAGE_MAX, 'messageTooLong').refine((v) => v.trim().length > 0, 'messageRequired');

export const postMessageSchema = z.object({
  body: messageBody,
  /** Reply in the thread of this message. */
  parentId: z.preprocess(blankToUndefined, z.uuid('messageUnknown').nullable().optional()),
  /** Made by the client once per message: posting again with the same key returns the first post. */
  clientKey: z.preprocess(blankToUndefined, z.string().min(8, 'invalid').max(100, 'invalid').regex(/^[\w-]+$/, 'invalid').optional()),
});
export type PostMessageInput = Partial<z.input<typeof postMessageSchema>>;

export const editMessageSchema = z.object({ body: messageBody });

export const reactionSchema = z.object({
  emoji: z.string('invalid').trim().min(1, 'invalid').max(REACTION_MAX, 'invalid')
    // One emoji: pictographs with their modifiers, joiners and variation selectors, nothing else.
    .regex(/^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f)+$/u, 'reactionInvalid'),
});

export const markReadSchema = z.object({ lastReadSeq: z.coerce.number('invalid').int('invalid').min(0, 'invalid') });

export const listMessagesSchema = z.object({
  /** Messages before this seq (older), for scrolling back. */
  before: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').positive('invalid').optional()),
  /** Messages around this seq (a search hit): some before it, it, and some after. */
  around: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').positive('invalid').optional()),
  /** Messages after this seq (newer), to catch up. */
  after: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(0, 'invalid').optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'invalid').default(MESSAGE_PAGE_SIZE)),
});
export type ListMessagesInput = Partial<z.input<typeof listMessagesSchema>>;

export const searchMessagesSchema = z.object({
  q: z.string('required').trim().min(1, 'required').max(100, 'tooLong'),
  channelId: z.preprocess(blankToUndefined, z.uuid('channelUnknown').optional()),
  /** The seq of the last hit of the previous page. */
  before: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').positive('invalid').optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(100, 'invalid').default(20)),
});
