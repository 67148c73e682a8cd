import { z } from 'zod';
import { attachmentResourceSchema, fileResourceSchema, fileVersionResourceSchema, folderResourceSchema, libraryListingSchema, usageSchema } from '@/lib/files/resources';
import { attachSchema, folderSchema, listSchema } from '@/lib/files/schema';
import { body, common, componentRef, json, listQueryParameters, pathParam, problem, writes } from './openapi-parts';

// The file library in the OpenAPI document.

export const filesRequests = {
  CreateFolder: folderSchema,
  UpdateLibraryItem: z.object({ name: z.string().optional(), folderId: z.uuid().nullable().optional() }),
  Attach: attachSchema,
};

export const filesResponses = {
  File: fileResourceSchema,
  FileVersion: fileVersionResourceSchema,
  Folder: folderResourceSchema,
  LibraryUsage: usageSchema,
  LibraryListing: libraryListingSchema,
  Attachment: attachmentResourceSchema,
  FileDetails: z.object({
    file: fileResourceSchema,
    path: z.array(folderResourceSchema),
    versions: z.array(fileVersionResourceSchema),
    attachments: z.array(z.object({ id: z.uuid(), targetType: z.string(), targetId: z.uuid(), createdAt: z.iso.datetime() })),
  }),
  RecycleBin: z.object({ folders: z.array(folderResourceSchema), files: z.array(fileResourceSchema) }),
  FilePreview: z.object({ versionId: z.uuid(), kind: z.string(), preview: z.object({ type: z.enum(['html', 'code', 'text', 'sheets', 'media', 'unavailable']) }).loose() }),
};

const spaceId = pathParam('spaceId', 'The space.');
const fileId = pathParam('fileId', 'A file of a space’s library.');
const folderId = pathParam('folderId', 'A folder of a space’s library.');
const answer = (description: string, properties: Record<string, object>) => ({ description, ...json({ type: 'object', properties, required: Object.keys(properties) }) });
const fileAnswer = (description: string) => answer(description, { file: componentRef('File') });
const done = { '204': { description: 'Done.' } };
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const rawUpload = {
  required: true,
  description: 'The file’s bytes as the whole body (no multipart). Send `Content-Length` when known: a body declared too large is refused before it is read; either way the size cap and the space’s quota are enforced while the bytes arrive.',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};
const uploadProblems = { ...common, '403': writes['403'], '422': problem('No or a bad name (`fields.name`), an unknown folder (`fields.folderId`), a file over the size cap or the space’s quota (`fields.file`); nothing was stored.') };

export function filesPaths() {
  return {
    '/spaces/{spaceId}/files': {
      parameters: [spaceId],
      get: {
        operationId: 'listLibrary',
        summary: 'A folder of the space’s library (the top unless `folderId`): its path, folders and files, and the space’s usage; `q` (name contains) or `starred=1` list matching files anywhere instead',
        parameters: listQueryParameters(listSchema),
        responses: { '200': { description: 'The listing.', ...json(componentRef('LibraryListing')) }, ...common, '422': problem('A parameter is invalid.') },
      },
      post: {
        operationId: 'uploadFile',
        summary: 'Upload a file named `name` into `folderId` (the top by default). The type is sniffed from the bytes. A live file of the same name in that folder gets a new version instead',
        parameters: [query('name', 'The file’s name; paths, control characters and over-long names are made safe.'), query('folderId', 'The folder.', { type: 'string', format: 'uuid' }), query('note', 'A note on the version (≤ 500 characters).'), query('conflict', '`version` (default): a file of that name gets a new version; `rename`: keep both, the upload under a free name (“name (2).ext”).', { type: 'string', enum: ['version', 'rename'] })],
        requestBody: rawUpload,
        responses: { '201': fileAnswer('A new file.'), '200': fileAnswer('A new version of the file that had this name.'), ...uploadProblems },
      },
    },
    '/spaces/{spaceId}/folders': {
      parameters: [spaceId],
      post: { operationId: 'createFolder', summary: '新建文件夹 (contributors)', requestBody: body('CreateFolder'), responses: { '201': answer('The folder.', { folder: componentRef('Folder') }), ...writes } },
    },
    '/spaces/{spaceId}/recycle-bin': {
      parameters: [spaceId],
      get: { operationId: 'recycleBin', summary: 'What the library’s recycle bin holds; kept 30 days (space admins and owners)', responses: { '200': { description: 'Deleted folders and files.', ...json(componentRef('RecycleBin')) }, ...common, '403': writes['403'] } },
    },
    '/files/{fileId}': {
      parameters: [fileId],
      get: { operationId: 'getFile', summary: 'A file with its versions (newest first) and what it is attached to', responses: { '200': { description: 'The file.', ...json(componentRef('FileDetails')) }, ...common } },
      patch: { operationId: 'updateFile', summary: 'Rename (`name`) and/or move (`folderId`, null for the top): the uploader or the space’s leads', requestBody: body('UpdateLibraryItem'), responses: { '200': fileAnswer('The file as changed.'), ...writes } },
      delete: { operationId: 'deleteFile', summary: 'Move the file into the recycle bin', responses: { ...done, ...writes } },
    },
    '/files/{fileId}/content': {
      parameters: [fileId],
      get: {
        operationId: 'downloadFile',
        summary: 'A version’s bytes (`version`, the newest by default), with `Range` support. With a bearer token this is enough; in the browser the link must be one a page signed for the caller (`expires`, `disposition`, `sig`), valid 15 minutes. HTML, SVG and other active types are always sent as attachments, under a sandboxing CSP',
        parameters: [query('version', 'A version of the file.', { type: 'string', format: 'uuid' }), query('disposition', 'inline or attachment.', { type: 'string', enum: ['inline', 'attachment'] }), query('expires', 'Signed links only.'), query('sig', 'Signed links only.')],
        responses: {
          '200': { description: 'The bytes.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          '206': { description: 'The requested range.' },
          '403': problem('A browser link that is not signed for the caller, or expired.'),
          '416': { description: 'The range lies outside the file.' },
          ...common,
        },
      },
    },
    '/files/{fileId}/preview': {
      parameters: [fileId],
      get: {
        operationId: 'previewFile',
        summary: 'The server-made preview of a version: sanitised HTML (Word, Markdown), highlighted code, text, sheets (Excel), `media` (embed the file itself) or `unavailable` with a reason',
        parameters: [query('version', 'A version of the file.', { type: 'string', format: 'uuid' })],
        responses: { '200': { description: 'The preview.', ...json(componentRef('FilePreview')) }, ...common },
      },
    },
    '/files/{fileId}/versions': {
      parameters: [fileId],
      get: { operationId: 'listFileVersions', summary: '版本历史, newest first', responses: { '200': answer('The versions.', { versions: { type: 'array', items: componentRef('FileVersion') } }), ...common } },
      post: {
        operationId: 'uploadFileVersion',
        summary: '上传新版本: the body becomes the file’s newest version (it keeps its name)',
        parameters: [query('note', 'A note on the version.')],
        requestBody: rawUpload,
        responses: { '201': fileAnswer('The file with its new version.'), ...uploadProblems },
      },
    },
    '/files/{fileId}/versions/{versionId}/restore': {
      parameters: [fileId, pathParam('versionId', 'A version of the file.')],
      post: { operationId: 'restoreFileVersion', summary: '恢复此版本: the version becomes the newest again, as a new version sharing its bytes', responses: { '201': fileAnswer('The file.'), ...writes } },
    },
    '/files/{fileId}/star': {
      parameters: [fileId],
      put: { operationId: 'starFile', summary: '标星 the file, for the caller only', responses: { ...done, ...common } },
      delete: { operationId: 'unstarFile', summary: 'Take the caller’s star off', responses: { ...done, ...common } },
    },
    '/files/{fileId}/restore': {
      parameters: [fileId],
      post: { operationId: 'restoreFile', summary: 'Back out of the recycle bin (space admins and owners); a name taken meanwhile gets “(2)”', responses: { ...done, ...writes } },
    },
    '/files/{fileId}/purge': {
      parameters: [fileId],
      post: { operationId: 'purgeFile', summary: '彻底删除 a file in the recycle bin with all its versions (space admins and owners)', responses: { ...done, ...writes } },
    },
    '/files/{fileId}/attachments': {
      parameters: [fileId],
      post: { operationId: 'attachFile', summary: 'Attach the file to a task, meeting or message of its space (a meeting: by whoever may edit it; a message: by its author)', requestBody: body('Attach'), responses: { ...done, ...writes } },
    },
    '/attachments/{attachmentId}': {
      parameters: [pathParam('attachmentId', 'An attachment.')],
      delete: { operationId: 'detachFile', summary: 'Take an attachment off (the file stays in the library)', responses: { ...done, ...writes } },
    },
    '/folders/{folderId}': {
      parameters: [folderId],
      patch: { operationId: 'updateFolder', summary: 'Rename (`name`) and/or move (`folderId`: the new parent, null for the top); never into itself', requestBody: body('UpdateLibraryItem'), responses: { ...done, ...writes } },
      delete: { operationId: 'deleteFolder', summary: 'Move the folder with everything in it into the recycle bin', responses: { ...done, ...writes } },
    },
    '/folders/{folderId}/restore': {
      parameters: [folderId],
      post: { operationId: 'restoreFolder', summary: 'Back out of the recycle bin with its contents', responses: { ...done, ...writes } },
    },
    '/folders/{folderId}/purge': {
      parameters: [folderId],
      post: { operationId: 'purgeFolder', summary: '彻底删除 a folder in the recycle bin with everything in it', responses: { ...done, ...writes } },
    },
    '/me/starred-files': {
      get: { operationId: 'starredFiles', summary: 'The caller’s starred files across their spaces', responses: { '200': answer('The files, each with `spaceName`.', { files: { type: 'array', items: componentRef('File') } }), ...common } },
    },
  };
}
