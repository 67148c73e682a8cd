import { z } from 'zod';
import { DIRECTORY_SOURCES, SYNC_RUN_STATUSES } from '@/lib/directory/rules';
import { XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';
import { common, componentRef, json, problem } from './openapi-parts';

// Directory sync (通讯录同步) in the OpenAPI document: org admins only.

const counts = z.object({
  departmentsCreated: z.int(), departmentsUpdated: z.int(), peopleCreated: z.int(), peopleUpdated: z.int(),
  peopleDeactivated: z.int(), peopleReactivated: z.int(), skipped: z.int(), unchanged: z.int(),
});
const line = z.object({
  kind: z.enum(['department', 'person']), record: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
const skip = z.object({
  record: z.string().describe('How a person recognises the record: a name with its id, a file row (第 N 行).'),
  reason: z.string().describe('A reason code (noEmail, duplicateEmployeeId, departmentCycle, …) or a source’s own text.'),
  values: z.record(z.string(), z.string()).optional(),
});

export const directoryRequests = {
  ApplyDirectoryFile: z.object({ previewRunId: z.uuid().describe('The dry run of the upload to apply.') }),
};

export const directoryResponses = {
  DirectorySyncRun: z.object({
    id: z.uuid(), source: z.enum(DIRECTORY_SOURCES), dryRun: z.boolean(), status: z.enum(SYNC_RUN_STATUSES),
    error: z.string().nullable().describe('Why a failed run failed; nothing of it was written.'),
    startedAt: z.iso.datetime(), finishedAt: z.iso.datetime().nullable(),
    report: z.object({
      counts, created: z.array(line), changed: z.array(line), deactivated: z.array(line), reactivated: z.array(line),
      skipped: z.array(skip), warnings: z.array(skip), truncated: z.boolean(),
    }).partial().describe('Empty for a failed run.'),
  }),
  DirectorySyncRunSummary: z.object({
    id: z.uuid(), source: z.enum(DIRECTORY_SOURCES), dryRun: z.boolean(), status: z.enum(SYNC_RUN_STATUSES), error: z.string().nullable(),
    startedAt: z.iso.datetime(), finishedAt: z.iso.datetime().nullable(), counts: counts.nullable(), triggeredByName: z.string().nullable().describe('Null for the schedule.'),
  }),
};

const source = {
  name: 'source', in: 'path', required: true, description: '`ldap`, `dingtalk` or `feishu` when configured, or `file` (an uploaded staff list).',
  schema: { type: 'string', enum: ['ldap', 'dingtalk', 'feishu', 'file'] },
};
const admins = { '403': problem('Not an organisation admin.') };
const run = (description: string) => ({ description, ...json(componentRef('DirectorySyncRun')) });

export function directoryPaths() {
  return {
    '/directory/{source}/preview': {
      post: {
        operationId: 'previewDirectorySync',
        summary: 'Dry run: read the source and store the changes a sync would make (new, changed, deactivated, skipped with reasons) without writing them. `file` takes a CSV (UTF-8 or GBK) or .xlsx staff list in `file`, up to 10 MB and 10,000 rows',
        parameters: [source],
        requestBody: { required: false, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
        responses: {
          '200': run('The stored dry run; a source that could not be read gives a run with `status: failed`.'),
          '422': problem('The upload is refused: `fields.file` says why (type, size, rows, missing columns).'),
          ...admins, ...common,
        },
      },
    },
    '/directory/{source}/apply': {
      post: {
        operationId: 'applyDirectorySync',
        summary: 'Apply a sync in one transaction: a configured source is read again; `file` applies a previewed upload (`previewRunId`). Never deletes: leavers are deactivated (their sessions end) and their open tasks need reassignment',
        parameters: [source],
        requestBody: { required: false, ...json(componentRef('ApplyDirectoryFile')) },
        responses: {
          '200': run('The applied run; a failure rolled everything back and is a run with `status: failed`.'),
          '409': problem('A run of this source is already going.'),
          '422': problem('`previewRunId` is missing or invalid.'),
          ...admins, ...common,
        },
      },
    },
    '/directory/runs': {
      get: {
        operationId: 'listDirectorySyncRuns',
        summary: 'The latest 20 directory sync runs, newest first, with their counts',
        responses: {
          '200': { description: 'The runs.', ...json({ type: 'object', properties: { runs: { type: 'array', items: componentRef('DirectorySyncRunSummary') } }, required: ['runs'] }) },
          ...admins, ...common,
        },
      },
    },
    '/directory/template': {
      get: {
        operationId: 'getDirectoryTemplate',
        summary: 'The staff-list template: `format=xlsx` (default) or `csv` (UTF-8 with BOM)',
        parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['xlsx', 'csv'] } }],
        responses: {
          '200': { description: 'The template.', content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } } },
          ...admins, ...common,
        },
      },
    },
  };
}
