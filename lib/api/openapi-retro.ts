import { retrospectiveResourceSchema } from '@/lib/retro/resources';
import { improvementToTaskSchema, saveRetroSchema } from '@/lib/retro/schema';
import { body, common, componentRef, json, pathParam, problem, writes } from './openapi-parts';

// The retrospective (复盘) and the space export in the OpenAPI document.

export const retroRequests = {
  SaveRetrospective: saveRetroSchema,
  ImprovementToTask: improvementToTaskSchema,
};

export const retroResponses = {
  Retrospective: retrospectiveResourceSchema,
};

const spaceId = pathParam('spaceId', 'The space.');
const improvementId = pathParam('improvementId', 'An improvement of the space’s retrospective.');
const retroAnswer = (description: string) => ({ description, ...json({ type: 'object', properties: { retrospective: componentRef('Retrospective') }, required: ['retrospective'] }) });
const binary = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

export function retroPaths() {
  return {
    '/spaces/{spaceId}/retrospective': {
      parameters: [spaceId],
      get: {
        operationId: 'getRetrospective',
        summary: 'The space’s retrospective: a draft (goals pre-filled from the space goal, one per line; `version` 0 until saved) with live facts, or the completed record with the facts kept at completion',
        responses: { '200': retroAnswer('The retrospective.'), ...common },
      },
      put: {
        operationId: 'saveRetrospective',
        summary: 'Save the whole draft (leads of an active space): goals with outcome and evidence, problems, improvements, summary; `version` is the one read',
        requestBody: body('SaveRetrospective'),
        responses: { '200': retroAnswer('The saved retrospective, with its new `version`.'), ...writes, '409': problem('Someone saved in between (`version` is stale), or the retrospective is completed (reopen it first).') },
      },
    },
    '/spaces/{spaceId}/retrospective/complete': {
      parameters: [spaceId],
      post: {
        operationId: 'completeRetrospective',
        summary: 'Complete the retrospective: the facts are kept as a snapshot. Optional body `{ "version": n }` is checked like a save',
        responses: { '200': retroAnswer('The completed retrospective.'), ...writes },
      },
    },
    '/spaces/{spaceId}/retrospective/reopen': {
      parameters: [spaceId],
      post: { operationId: 'reopenRetrospective', summary: 'Open a completed retrospective for changes again (leads, active space); facts are live again', responses: { '200': retroAnswer('The reopened retrospective.'), ...writes } },
    },
    '/spaces/{spaceId}/retrospective/improvements/{improvementId}/task': {
      parameters: [spaceId, improvementId],
      post: {
        operationId: 'improvementToTask',
        summary: '转为任务: make an improvement a task of the space (named by its first line, the whole text as notes) and link it; once per improvement',
        requestBody: body('ImprovementToTask'),
        responses: { '201': retroAnswer('The retrospective with the improvement’s `task`.'), ...writes },
      },
    },
    '/spaces/{spaceId}/retrospective/improvements/{improvementId}/page': {
      parameters: [spaceId, improvementId],
      post: {
        operationId: 'improvementToPage',
        summary: '转为知识库页面: make an improvement a page of the space’s knowledge base (titled by its first line, the whole text as the page) and link it; once per improvement',
        responses: { '201': retroAnswer('The retrospective with the improvement’s `pageId`.'), ...writes },
      },
    },
    '/spaces/{spaceId}/retrospective/export': {
      parameters: [spaceId],
      get: {
        operationId: 'exportRetrospective',
        summary: 'The retrospective as `format=docx` (default) or `format=pdf`, in the caller’s language',
        parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['docx', 'pdf'] } }],
        responses: {
          '200': binary('application/octet-stream', 'The .docx or .pdf file.'),
          ...common,
          '422': problem('Unknown `format`.'),
          '501': problem('No CJK font on the server to make a PDF (install fonts-noto-cjk); .docx still works.'),
        },
      },
    },
    '/spaces/{spaceId}/export': {
      parameters: [spaceId],
      get: {
        operationId: 'exportSpace',
        summary: 'The whole space as a zip for records (leads and admins, also when archived): space.json, tasks.json, messages.json, meetings.json, retrospective.json, files/… (current versions by folder), pages/*.html, retrospective.html, index.html; streamed',
        responses: { '200': binary('application/zip', 'The zip archive.'), ...common, '403': problem('Only the space’s leads and admins export it.') },
      },
    },
  };
}
