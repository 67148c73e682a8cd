import { z } from 'zod';
import { addCommentSchema, commentSettingsSchema, commentTargetSchema, editCommentSchema } from '@/lib/comments/schema';
import { AWAIT_RESOLUTIONS, COMMENT_TARGET_TYPES } from '@/lib/comments/rules';
import { body, common, componentRef, json, listQueryParameters, pathParam, writes } from './openapi-parts';

// Comments on tasks and files, the 待回复 list and the response rule in the OpenAPI document.

export const commentsRequests = {
  AddComment: addCommentSchema,
  EditComment: editCommentSchema,
  CommentSettingsInput: commentSettingsSchema,
};

const commentFields = {
  id: z.uuid(), parentId: z.uuid().nullable(), authorId: z.uuid().nullable(),
  body: z.string().describe('Markdown-lite with `<@userId>` mentions; empty once deleted.'),
  createdAt: z.iso.datetime(), editedAt: z.iso.datetime().nullable(), deletedAt: z.iso.datetime().nullable(),
};
const commentView = z.object({
  ...commentFields,
  authorName: z.string().nullable(),
  awaiting: z.array(z.object({
    userId: z.uuid(), name: z.string(), dueAt: z.iso.datetime(), resolvedAt: z.iso.datetime().nullable(),
    resolution: z.enum(AWAIT_RESOLUTIONS).nullable(), overdue: z.boolean(),
  })).describe('Whom the comment waits for, answered or not.'),
});

export const commentsResponses = {
  Comment: z.object({ ...commentFields, spaceId: z.uuid(), targetType: z.enum(COMMENT_TARGET_TYPES), targetId: z.uuid() }),
  CommentThread: commentView.extend({ replies: z.array(commentView) }),
  AwaitingComment: z.object({
    commentId: z.uuid(), userId: z.uuid(), userName: z.string(), spaceId: z.uuid(), spaceName: z.string(),
    targetType: z.enum(COMMENT_TARGET_TYPES), targetId: z.uuid(), targetName: z.string(), authorName: z.string().nullable(),
    body: z.string(), createdAt: z.iso.datetime(), dueAt: z.iso.datetime(), overdue: z.boolean(),
  }),
  CommentSettings: z.object({ responseHours: z.int(), workingHoursOnly: z.boolean(), timeZone: z.string().describe('The zone working hours are counted in.') }),
};

const commentId = pathParam('commentId', 'A comment on a task or file.');
const spaceId = pathParam('spaceId', 'The space.');
const done = { '204': { description: 'Done.' } };
const commentAnswer = (description: string) => ({ description, ...json({ type: 'object', properties: { comment: componentRef('Comment') }, required: ['comment'] }) });
const settingsAnswer = { description: 'The response rule.', ...json({ type: 'object', properties: { settings: componentRef('CommentSettings') } }) };

export function commentsPaths() {
  return {
    '/comments': {
      get: {
        operationId: 'listComments', summary: 'The comments on a task or file (`targetType`, `targetId`) as threads, oldest first, each with whom it waits for',
        parameters: listQueryParameters(commentTargetSchema).map((p) => ({ ...p, required: true })),
        responses: {
          '200': {
            description: 'Threads, the names of the people they mention, and the space’s response rule.',
            ...json({ type: 'object', properties: { comments: { type: 'array', items: componentRef('CommentThread') }, names: { type: 'object', additionalProperties: { type: 'string' } }, responseRule: componentRef('CommentSettings') } }),
          },
          ...common,
        },
      },
      post: {
        operationId: 'addComment', summary: 'Comment on a task or file, or reply (`parentId`) in a thread (members, observers included). Mentioned members, and a task’s assignee, are asked to answer within the space’s response time; mentioning a non-member is refused',
        requestBody: body('AddComment'), responses: { '201': commentAnswer('The comment.'), ...writes },
      },
    },
    '/comments/{commentId}': {
      parameters: [commentId],
      patch: { operationId: 'editComment', summary: 'Change one’s own comment; new mentions are asked to answer, removed ones no longer are', requestBody: body('EditComment'), responses: { '200': commentAnswer('The comment.'), ...writes } },
      delete: { operationId: 'deleteComment', summary: 'Delete a comment (its author or the space’s leads); it stays in its thread as deleted', responses: { ...done, ...writes } },
    },
    '/comments/{commentId}/handled': {
      parameters: [commentId],
      post: { operationId: 'markCommentHandled', summary: '处理完毕: the caller, whom the comment waits for, needs to write no answer', responses: { ...done, ...writes } },
    },
    '/me/awaiting': {
      get: {
        operationId: 'listMyAwaiting', summary: '待回复: comments waiting for the caller’s answer in their active spaces, overdue first',
        responses: { '200': { description: 'What waits.', ...json({ type: 'object', properties: { awaiting: { type: 'array', items: componentRef('AwaitingComment') } } }) }, ...common },
      },
    },
    '/spaces/{spaceId}/comment-settings': {
      parameters: [spaceId],
      get: { operationId: 'getCommentSettings', summary: 'How long a comment may wait for an answer in the space', responses: { '200': settingsAnswer, ...common } },
      put: { operationId: 'updateCommentSettings', summary: 'Set the response time, 1–168 hours, optionally counted in working hours (space admins); applies to new comments', requestBody: body('CommentSettingsInput'), responses: { '200': settingsAnswer, ...writes } },
    },
  };
}
