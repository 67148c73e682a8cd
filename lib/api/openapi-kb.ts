import { z } from 'zod';
import { pageCurrentSchema, pageListItemSchema, pageResourceSchema, revisionResourceSchema } from '@/lib/kb/resources';
import { KB_TAG_COLORS } from '@/lib/kb/rules';
import { createPageSchema, listPagesSchema, movePageSchema, restorePageSchema, savePageSchema } from '@/lib/kb/schema';
import { body, common, componentRef, json, listQueryParameters, pathParam, problem, writes } from './openapi-parts';

// The knowledge base (知识库) in the OpenAPI document: a space's pages, the organisation's, tags.

export const kbRequests = {
  CreatePage: createPageSchema,
  SavePage: savePageSchema,
  MovePage: movePageSchema,
  RestorePage: restorePageSchema,
};

const diffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });

export const kbResponses = {
  PageListItem: pageListItemSchema,
  Page: pageResourceSchema,
  PageRevision: revisionResourceSchema,
  PageConflict: z.object({
    error: z.object({ code: z.literal('conflict'), message: z.string() }),
    current: pageCurrentSchema.describe('The page as someone else saved it meanwhile: merge, then save with its `version` as `baseVersion`.'),
  }),
  PageDiff: z.object({ from: z.int(), to: z.int(), title: z.array(diffPart), text: z.array(diffPart) }),
  KbTagSet: z.object({
    id: z.uuid(), name: z.string(),
    tags: z.array(z.object({ id: z.uuid(), tagSetId: z.uuid(), name: z.string(), color: z.enum(KB_TAG_COLORS) })),
  }),
};

const spaceId = pathParam('spaceId', 'The space.');
const pageId = pathParam('pageId', 'A knowledge page (a space’s or the organisation’s).');
const pageAnswer = (description: string) => ({ description, ...json({ type: 'object', properties: { page: componentRef('Page') }, required: ['page'] }) });
const listAnswer = (item: string, description: string) => ({ description, ...json({ type: 'object', properties: { data: { type: 'array', items: componentRef(item) } }, required: ['data'] }) });
const listParameters = listQueryParameters(listPagesSchema);
const tagsProblem = problem('Invalid input, e.g. `fields.tagIds` (a tag outside the organisation’s sets), `fields.content` (not a valid page document: scripts, `javascript:` links, images from elsewhere).');

function pageList(scope: string, operation: string) {
  return {
    get: {
      operationId: `list${operation}`, summary: `The ${scope} pages in tree order (by \`parentId\`, then \`position\`); with \`q\` (Chinese or English, substring-exact) or \`tagId\` the matches, newest first`,
      parameters: listParameters,
      responses: { '200': listAnswer('PageListItem', 'The pages.'), ...common },
    },
    post: {
      operationId: `create${operation.replace(/s$/, '')}`, summary: 'Create a page: `content` (TipTap JSON), or a `template` (meetingMinutes, sop, faq) in the caller’s language; `parentId`; `tagIds`',
      requestBody: body('CreatePage'),
      responses: { '201': pageAnswer('The page.'), ...writes, '422': tagsProblem },
    },
  };
}

export function kbPaths() {
  return {
    '/spaces/{spaceId}/pages': { parameters: [spaceId], ...pageList('space’s knowledge', 'SpacePages') },
    '/kb/pages': pageList('organisation’s knowledge-base (read by every member, written by organisation admins)', 'OrganizationPages'),
    '/pages/{pageId}': {
      parameters: [pageId],
      get: { operationId: 'getPage', summary: 'A page with its content, tags and what the caller may do with it', responses: { '200': pageAnswer('The page.'), ...common } },
      patch: {
        operationId: 'savePage',
        summary: 'Save `title`, `content` and `tagIds` (replacing them) as a new version on top of `baseVersion`; or, with only `parentId`/`beforeId`, move the page in the tree (never below itself)',
        requestBody: { required: true, ...json({ oneOf: [componentRef('SavePage'), componentRef('MovePage')] }) },
        responses: {
          '200': pageAnswer('The saved page.'), ...writes,
          '409': { description: 'Someone saved since `baseVersion`: nothing was written; `current` holds their version to merge with.', ...json(componentRef('PageConflict')) },
          '422': tagsProblem,
        },
      },
      delete: { operationId: 'deletePage', summary: 'Delete the page and the pages below it', responses: { '204': { description: 'Deleted.' }, ...writes } },
    },
    '/pages/{pageId}/revisions': {
      parameters: [pageId],
      get: { operationId: 'listPageRevisions', summary: 'Every saved version, newest first', responses: { '200': listAnswer('PageRevision', 'The versions.'), ...common } },
    },
    '/pages/{pageId}/diff': {
      parameters: [pageId],
      get: {
        operationId: 'diffPageRevisions', summary: 'What changed from version `from` to `to`, by line and word',
        parameters: ['from', 'to'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'integer', minimum: 1 } })),
        responses: { '200': { description: 'The differences.', ...json(componentRef('PageDiff')) }, ...common, '422': problem('`from` or `to` missing.') },
      },
    },
    '/pages/{pageId}/restore': {
      parameters: [pageId],
      post: { operationId: 'restorePage', summary: 'Make an older `version` the newest again (a new version recording `restoredFrom`)', requestBody: body('RestorePage'), responses: { '200': pageAnswer('The page.'), ...writes } },
    },
    '/pages/{pageId}/promote': {
      parameters: [pageId],
      post: {
        operationId: 'promotePage', summary: 'Copy a space page with its tags into the organisation’s knowledge base (space leads and organisation admins; also from an archived space)',
        responses: { '201': pageAnswer('The new organisation page (`promotedFromId` names the source).'), ...writes },
      },
    },
    '/files/{fileId}/image': {
      parameters: [pathParam('fileId', 'An image in a space’s library.')],
      get: {
        operationId: 'getPageImage', summary: 'A library image as knowledge pages embed it (`image` nodes may only point here): inline, to whoever reads the space',
        responses: { '200': { description: 'The image.', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } }, ...common },
      },
    },
    '/kb-tags': {
      get: { operationId: 'listKbTags', summary: 'The organisation’s tag sets and tags (organisation admins manage them in 管理后台 → 知识库标签)', responses: { '200': listAnswer('KbTagSet', 'The tag sets.'), ...common } },
    },
  };
}
