import { z } from 'zod';
import { XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';
import { SPACE_ROLES } from '@/lib/spaces/rules';
import { spaceDetailSchema, spaceListItemSchema, spaceMemberResourceSchema } from '@/lib/spaces/resources';
import { addSpaceMembersSchema, createSpaceSchema, spaceListFiltersSchema, updateSpaceMemberSchema, updateSpaceSchema } from '@/lib/spaces/schema';
import { rescheduledSchema, taskDetailSchema, taskIssueResourceSchema, taskListItemSchema } from '@/lib/tasks/resources';
import {
  createTaskSchema, progressImportResultSchema, resolveTaskIssueSchema, taskImportResultSchema, taskIssueSchema, taskListFiltersSchema, updateTaskSchema,
} from '@/lib/tasks/schema';
import { spaceTemplateResourceSchema } from '@/lib/templates/space-template';
import { chatPaths, chatRequests, chatResponses } from './openapi-chat';
import { filesPaths, filesRequests, filesResponses } from './openapi-files';
import { commentsPaths, commentsRequests, commentsResponses } from './openapi-comments';
import { directoryPaths, directoryRequests, directoryResponses } from './openapi-directory';
import { feedPaths, feedRequests, feedResponses } from './openapi-feed';
import { kbPaths, kbRequests, kbResponses } from './openapi-kb';
import { meetingsPaths, meetingsRequests, meetingsResponses } from './openapi-meetings';
import { retroPaths, retroRequests, retroResponses } from './openapi-retro';
import { searchPaths, searchResponses } from './openapi-search';
import { body, common, componentRef, json, listQueryParameters, pathParam, problem, writes } from './openapi-parts';

/**
 * The REST API's OpenAPI 3.1 document, generated from the zod schemas the handlers parse with and
 * answer in, so the document cannot drift from the code. Later features add their paths here.
 */

const errorSchema = z.object({
  error: z.object({
    code: z.enum(['unauthenticated', 'not_found', 'forbidden', 'invalid', 'conflict', 'rate_limited', 'unsupported_media_type', 'not_implemented', 'invalid_json', 'internal']),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    /** Problems of an uploaded table: the spreadsheet row, the column's header, the message. */
    rows: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })).optional(),
  }),
});

const userSchema = z.object({
  id: z.uuid(), name: z.string(), email: z.email(), title: z.string().nullable(), phone: z.string().nullable(),
  avatarUrl: z.string().nullable(), departmentId: z.uuid().nullable(), locale: z.string().nullable(),
  timeZone: z.string().nullable(), isOrgAdmin: z.boolean(), isActive: z.boolean(),
});

// Requests are documented as clients send them, responses as the server sends them.
const requests = {
  CreateSpace: createSpaceSchema, UpdateSpace: updateSpaceSchema, AddSpaceMembers: addSpaceMembersSchema, UpdateSpaceMember: updateSpaceMemberSchema,
  CreateTask: createTaskSchema, UpdateTask: updateTaskSchema, RaiseTaskIssue: taskIssueSchema, ResolveTaskIssue: resolveTaskIssueSchema,
  ...chatRequests,
  ...filesRequests,
  ...meetingsRequests,
  ...feedRequests,
  ...commentsRequests,
  ...retroRequests,
  ...kbRequests,
  ...directoryRequests,
};
const responses = {
  Error: errorSchema,
  User: userSchema,
  SpaceListItem: spaceListItemSchema,
  SpaceDetail: spaceDetailSchema,
  SpaceMember: spaceMemberResourceSchema,
  SpaceTemplate: spaceTemplateResourceSchema,
  TaskListItem: taskListItemSchema,
  TaskDetail: taskDetailSchema,
  TaskIssue: taskIssueResourceSchema,
  Rescheduled: rescheduledSchema,
  TaskImportResult: taskImportResultSchema,
  ProgressImportResult: progressImportResultSchema,
  ...chatResponses,
  ...filesResponses,
  ...meetingsResponses,
  ...feedResponses,
  ...commentsResponses,
  ...retroResponses,
  ...kbResponses,
  ...searchResponses,
  ...directoryResponses,
};

function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(converted)) delete schema.$schema;
  return converted;
}

const spaceId = pathParam('spaceId', 'The space.');
const taskId = pathParam('taskId', 'The task.');
const taskAnswer = (description: string, extra: Record<string, object> = {}) =>
  ({ description, ...json({ type: 'object', properties: { task: componentRef('TaskDetail'), ...extra }, required: ['task'] }) });
const spaceAnswer = (description: string) => ({ description, ...json({ type: 'object', properties: { space: componentRef('SpaceDetail') }, required: ['space'] }) });


const workbook = { type: 'string', contentMediaType: XLSX_CONTENT_TYPE };

/** A table of the space as a spreadsheet: GET downloads it, POST imports an edited one (all or nothing). */
function sheetTransferPath(options: {
  exportId: string; exportSummary: string; exportParameters?: object[]; importId: string; importSummary: string; result: string;
}) {
  return {
    parameters: [spaceId],
    get: {
      operationId: options.exportId,
      summary: options.exportSummary,
      ...(options.exportParameters ? { parameters: options.exportParameters } : {}),
      responses: {
        '200': { description: 'The workbook, as an attachment.', content: { [XLSX_CONTENT_TYPE]: { schema: workbook } } },
        ...(options.exportParameters ? { '422': problem('A filter is invalid.') } : {}),
        ...common,
      },
    },
    post: {
      operationId: options.importId,
      summary: options.importSummary,
      requestBody: {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: workbook }, required: ['file'] } } },
      },
      responses: {
        '200': { description: 'What the import did.', ...json(componentRef(options.result)) },
        ...common,
        '403': writes['403'],
        '422': problem('The file is not a readable .xlsx, too large or too long (`fields.file`), or rows have problems (`rows`: every problem with its row and column); nothing was written.'),
      },
    },
  };
}

export function buildOpenApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Xiezuo REST API',
      version,
      description: 'Authenticate with `Authorization: Bearer <personal access token>` (个人设置 → 访问令牌) or the browser session.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token (xz_pat_…).' } },
      schemas: { ...componentSchemas(requests, 'input'), ...componentSchemas(responses, 'output') },
    },
    paths: {
      ...chatPaths(),
      ...filesPaths(),
      ...meetingsPaths(),
      ...feedPaths(),
      ...commentsPaths(),
      ...retroPaths(),
      ...kbPaths(),
      ...searchPaths(),
      ...directoryPaths(),
      '/me': {
        get: { operationId: 'getMe', summary: 'The caller', responses: { '200': { description: 'The caller’s profile.', ...json({ type: 'object', properties: { user: componentRef('User') } }) }, ...common } },
      },
      '/me/avatar': {
        put: {
          operationId: 'setAvatar',
          summary: 'Set the caller’s picture: JPEG, PNG, WebP, GIF or AVIF up to 8 MB (judged by its bytes), cropped to a 256 px WebP square without camera metadata',
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'image/*' } }, required: ['file'] } } } },
          responses: { '200': { description: 'Where the new picture is served.', ...json({ type: 'object', properties: { avatarUrl: { type: 'string' } }, required: ['avatarUrl'] }) }, ...common, '422': problem('Not an image of an accepted type, or too large.') },
        },
        delete: { operationId: 'removeAvatar', summary: 'Go back to initials', responses: { '204': { description: 'Removed.' }, ...common } },
      },
      '/spaces': {
        get: {
          operationId: 'listSpaces',
          summary: 'Spaces the caller belongs to (scope=mine) or may see (scope=all), newest first, 20 a page',
          parameters: listQueryParameters(spaceListFiltersSchema),
          responses: {
            '200': {
              description: 'One page of spaces.',
              ...json({ type: 'object', properties: { data: { type: 'array', items: componentRef('SpaceListItem') }, page: { type: 'integer' }, total: { type: 'integer' } }, required: ['data', 'page', 'total'] }),
            },
            ...common,
          },
        },
        post: { operationId: 'createSpace', summary: 'Create a space; the admins join as owners', requestBody: body('CreateSpace'), responses: { '201': spaceAnswer('The new space.'), ...writes } },
      },
      '/spaces/{spaceId}': {
        parameters: [spaceId],
        get: { operationId: 'getSpace', summary: 'A space with its members and what the caller may do', responses: { '200': spaceAnswer('The space.'), ...common } },
        patch: { operationId: 'updateSpace', summary: 'Change settings (space or org admins)', requestBody: body('UpdateSpace'), responses: { '200': spaceAnswer('The space as changed.'), ...writes } },
      },
      '/spaces/{spaceId}/members': {
        parameters: [spaceId],
        get: { operationId: 'listSpaceMembers', summary: 'Members', responses: { '200': { description: 'Members, admins first.', ...json({ type: 'object', properties: { members: { type: 'array', items: componentRef('SpaceMember') } } }) }, ...common } },
        post: {
          operationId: 'addSpaceMembers',
          summary: 'Invite people and/or whole departments (with sub-departments) with one role',
          requestBody: body('AddSpaceMembers'),
          responses: { '201': { description: 'The ids of the people added.', ...json({ type: 'object', properties: { added: { type: 'array', items: { type: 'string', format: 'uuid' } } } }) }, ...writes },
        },
      },
      '/spaces/{spaceId}/members/{userId}': {
        parameters: [spaceId, pathParam('userId', 'A member of the space.')],
        patch: {
          operationId: 'updateSpaceMember',
          summary: 'Change a member’s role or admin flag (one or two admins)',
          requestBody: body('UpdateSpaceMember'),
          responses: {
            '200': { description: 'The member as changed.', ...json({ type: 'object', properties: { member: { type: 'object', properties: { userId: { type: 'string' }, role: { enum: [...SPACE_ROLES] }, isAdmin: { type: 'boolean' } } } } }) },
            ...writes,
          },
        },
        delete: { operationId: 'removeSpaceMember', summary: 'Remove a member (never the last admin)', responses: { '204': { description: 'Removed.' }, ...writes } },
      },
      '/spaces/{spaceId}/archive': {
        parameters: [spaceId],
        post: { operationId: 'archiveSpace', summary: 'Make the space read-only for everyone', responses: { '200': spaceAnswer('The archived space.'), ...writes } },
      },
      '/spaces/{spaceId}/unarchive': {
        parameters: [spaceId],
        post: { operationId: 'unarchiveSpace', summary: 'Open an archived space again', responses: { '200': spaceAnswer('The space, active again.'), ...writes } },
      },
      '/spaces/{spaceId}/task-table': sheetTransferPath({
        exportId: 'exportTaskTable',
        exportSummary: 'The 跨部门任务表 as an .xlsx file, in 编号 order; the task list filters in the query narrow it',
        exportParameters: listQueryParameters(taskListFiltersSchema),
        importId: 'importTaskTable',
        importSummary: 'Import an edited table (≤ 10 MB, ≤ 5,000 rows): rows with 编号 update that task, rows without create one; all or nothing',
        result: 'TaskImportResult',
      }),
      '/spaces/{spaceId}/progress-table': sheetTransferPath({
        exportId: 'exportProgressTable',
        exportSummary: 'The 项目进度表 (阶段, 关键节点, planned and actual date, owner, delay reason, 风险预警) as an .xlsx file',
        importId: 'importProgressTable',
        importSummary: 'Import an edited table (≤ 10 MB, ≤ 500 rows): rows matching a milestone by 关键节点 (and 阶段) update it, others add one; nothing is deleted; all or nothing',
        result: 'ProgressImportResult',
      }),
      '/spaces/{spaceId}/tasks': {
        parameters: [spaceId],
        get: {
          operationId: 'listTasks',
          summary: 'Tasks of the space, filtered and sorted; pass `nextCursor` back as `cursor` for the next page',
          parameters: listQueryParameters(taskListFiltersSchema),
          responses: {
            '200': {
              description: 'One page of tasks.',
              ...json({ type: 'object', properties: { data: { type: 'array', items: componentRef('TaskListItem') }, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } }, required: ['data', 'nextCursor', 'total'] }),
            },
            '422': problem('A filter or the cursor is invalid.'),
            ...common,
          },
        },
        post: {
          operationId: 'createTask',
          summary: 'Create a task: exactly one assignee (a member), helpers, dates, predecessors; status blocked needs `issue`',
          requestBody: body('CreateTask'),
          responses: { '201': taskAnswer('The new task.'), ...writes },
        },
      },
      '/tasks/{taskId}': {
        parameters: [taskId],
        get: { operationId: 'getTask', summary: 'A task with its helpers, dependencies, subtasks and issue entries', responses: { '200': taskAnswer('The task.'), ...common } },
        patch: {
          operationId: 'updateTask',
          summary: 'Change what is sent. Blocking needs `issue` (or an open entry); leaving blocked needs `resolution` or `keepIssueOpen`. Later tasks that depend on this one move with it.',
          requestBody: body('UpdateTask'),
          responses: { '200': taskAnswer('The task as changed.', { rescheduled: componentRef('Rescheduled') }), ...writes },
        },
        delete: { operationId: 'deleteTask', summary: 'Delete a task (owners and space admins)', responses: { '204': { description: 'Deleted.' }, ...writes } },
      },
      '/tasks/{taskId}/blockers': {
        parameters: [taskId],
        post: {
          operationId: 'raiseTaskIssue',
          summary: 'Block the task with an issue-tracking entry (问题跟踪): reason and proposed solution',
          requestBody: body('RaiseTaskIssue'),
          responses: { '201': taskAnswer('The task, now blocked, with the new entry.'), ...writes },
        },
      },
      '/task-issues/{issueId}/resolve': {
        parameters: [pathParam('issueId', 'An issue-tracking entry.')],
        post: {
          operationId: 'resolveTaskIssue',
          summary: 'Record how an entry was resolved; the last open entry of a blocked task puts the task back in progress',
          requestBody: body('ResolveTaskIssue'),
          responses: { '200': { description: 'The resolved entry.', ...json({ type: 'object', properties: { issue: componentRef('TaskIssue') } }) }, ...writes },
        },
      },
      '/templates': {
        get: {
          operationId: 'listTemplates',
          summary: 'Scenario templates: the four built-ins, then the organisation’s own',
          responses: { '200': { description: 'Templates.', ...json({ type: 'object', properties: { templates: { type: 'array', items: componentRef('SpaceTemplate') } } }) }, ...common },
        },
      },
    },
  };
}
