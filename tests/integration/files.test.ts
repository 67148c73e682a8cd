import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as attachmentsRoute from '@/app/api/v1/files/[fileId]/attachments/route';
import * as contentRoute from '@/app/api/v1/files/[fileId]/content/route';
import * as previewRoute from '@/app/api/v1/files/[fileId]/preview/route';
import * as purgeRoute from '@/app/api/v1/files/[fileId]/purge/route';
import * as restoreRoute from '@/app/api/v1/files/[fileId]/restore/route';
import * as fileRoute from '@/app/api/v1/files/[fileId]/route';
import * as starRoute from '@/app/api/v1/files/[fileId]/star/route';
import * as restoreVersionRoute from '@/app/api/v1/files/[fileId]/versions/[versionId]/restore/route';
import * as versionsRoute from '@/app/api/v1/files/[fileId]/versions/route';
import * as folderRoute from '@/app/api/v1/folders/[folderId]/route';
import * as folderRestoreRoute from '@/app/api/v1/folders/[folderId]/restore/route';
import * as starredRoute from '@/app/api/v1/me/starred-files/route';
import * as libraryRoute from '@/app/api/v1/spaces/[spaceId]/files/route';
import * as foldersRoute from '@/app/api/v1/spaces/[spaceId]/folders/route';
import * as binRoute from '@/app/api/v1/spaces/[spaceId]/recycle-bin/route';
import { getDb } from '@/db/client';
import { files, fileVersions } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { postMessage } from '@/lib/chat/post-message';
import { listChannels, listMessages } from '@/lib/chat/queries';
import { env } from '@/lib/env';
import { purgeExpired } from '@/lib/files/purge';
import { fileResourceSchema, libraryListingSchema } from '@/lib/files/resources';
import { signedContentUrl, verifyContentLink } from '@/lib/files/signed-url';
import { getFileStorage } from '@/lib/files/storage';
import { archiveSpace } from '@/lib/spaces/service';
import { buildDocx, PNG } from '../support/file-fixtures';
import { tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a handler with raw bytes as the body (an upload) or none, and keeps the response as bytes. */
async function send(handler: unknown, { token, params, query = '', body, headers = {}, method }: {
  token?: string; params: Record<string, string>; query?: string; body?: Uint8Array | ReadableStream<Uint8Array>; headers?: Record<string, string>; method?: string;
}) {
  const all: Record<string, string> = { 'accept-language': 'en', ...headers };
  if (token) all.authorization = `Bearer ${token}`;
  const request = new Request(`http://localhost/api/v1/x${query}`, {
    method: method ?? (body ? 'POST' : 'GET'), headers: all, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, bytes, json: type.includes('json') && bytes.length ? JSON.parse(new TextDecoder().decode(bytes)) : null };
}

const text = (value: string) => new TextEncoder().encode(value);

async function upload(token: string, spaceId: string, name: string, body: Uint8Array, extra = '') {
  return send(libraryRoute.POST, { token, params: { spaceId }, query: `?name=${encodeURIComponent(name)}${extra}`, body, headers: { 'content-length': String(body.byteLength) } });
}

/** A body that streams `total` bytes in 64 KB pieces without ever declaring its length. */
function streamOf(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const piece = new Uint8Array(Math.min(65_536, total - sent)).fill(97);
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
}

describe('the file library API', () => {
  it('uploads, sniffs the type from the bytes, adds a version for the same name, and streams ranges', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const first = await upload(token, spaceId, '宣传海报.docx', PNG);
    expect(first.status).toBe(201);
    const file = fileResourceSchema.parse(first.json.file);
    // Named .docx, but the bytes are a PNG: the content decides.
    expect(file.version).toMatchObject({ number: 1, kind: 'image', mime: 'image/png', sizeBytes: PNG.byteLength });

    const again = await upload(token, spaceId, '宣传海报.DOCX', text('第二版'), '&note=改了标题');
    expect(again.status).toBe(200);
    expect(again.json.file).toMatchObject({ id: file.id, versionCount: 2, version: { number: 2, note: '改了标题', kind: 'text' } });

    const listing = libraryListingSchema.parse((await send(libraryRoute.GET, { token, params: { spaceId } })).json);
    expect(listing.files.map((f) => f.name)).toEqual(['宣传海报.docx']);
    expect(listing.usage.usedBytes).toBe(PNG.byteLength + text('第二版').byteLength);

    const whole = await send(contentRoute.GET, { token, params: { fileId: file.id } });
    expect(whole.status).toBe(200);
    expect(new TextDecoder().decode(whole.bytes)).toBe('第二版');
    expect(whole.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''%E5%AE%A3/);
    const old = await send(contentRoute.GET, { token, params: { fileId: file.id }, query: `?version=${file.version.id}`, headers: { range: 'bytes=1-3' } });
    expect(old.status).toBe(206);
    expect(old.headers.get('content-range')).toBe(`bytes 1-3/${PNG.byteLength}`);
    expect([...old.bytes]).toEqual([...PNG.slice(1, 4)]);
    const beyond = await send(contentRoute.GET, { token, params: { fileId: file.id }, headers: { range: 'bytes=999-' } });
    expect(beyond.status).toBe(416);
  });

  it('lets observers read but not upload, hides everything from outsiders, and freezes an archived space', async () => {
    const seeded = await seedSpace();
    const spaceId = seeded.space.id;
    const created = await upload(await tokenOf(seeded.owner), spaceId, '方案.txt', text('方案内容'));
    const fileId = created.json.file.id;
    const observer = await tokenOf(seeded.observer);
    expect((await send(contentRoute.GET, { token: observer, params: { fileId } })).status).toBe(200);
    expect((await upload(observer, spaceId, '观察.txt', text('x'))).status).toBe(403);
    const outsider = await tokenOf(seeded.outsider);
    expect((await send(contentRoute.GET, { token: outsider, params: { fileId } })).status).toBe(404);
    expect((await send(fileRoute.GET, { token: outsider, params: { fileId } })).status).toBe(404);
    expect((await send(libraryRoute.GET, { token: outsider, params: { spaceId } })).status).toBe(404);

    await archiveSpace(systemActor, spaceId);
    const refused = await upload(await tokenOf(seeded.participant), spaceId, '归档后.txt', text('x'));
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/archived/i);
    expect((await send(contentRoute.GET, { token: observer, params: { fileId } })).status).toBe(200);
  });

  it('stores unsafe names safely and never serves HTML or SVG as active content', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const traversal = await upload(token, spaceId, '../../etc/pass\u0000wd', text('x'));
    expect(traversal.json.file.name).toBe('passwd');
    const long = await upload(token, spaceId, `${'长'.repeat(300)}.pdf`, text('x'));
    expect(Array.from(long.json.file.name as string)).toHaveLength(200);
    expect(long.json.file.name).toMatch(/长\.pdf$/);
    const emoji = await upload(token, spaceId, '🎉 发布会 😀.txt', text('x'));
    expect(emoji.json.file.name).toBe('🎉 发布会 😀.txt');
    expect((await upload(token, spaceId, '..', text('x'))).json.error.fields.name).toEqual(['Enter a valid file name']);

    const html = await upload(token, spaceId, 'page.html', text('<script>alert(1)</script>'));
    const link = new URL(await signedContentUrl(seeded.participant.id, html.json.file.id, html.json.file.version.id, 'inline'), 'http://localhost');
    const served = await send(contentRoute.GET, { token, params: { fileId: html.json.file.id }, query: link.search });
    expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(served.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await upload(token, spaceId, 'logo.svg', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'));
    expect(svg.json.file.version.kind).not.toBe('image');
  });

  it('refuses a file over the cap while it streams, and over the quota, keeping nothing', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const db = await getDb();
    const before = (await db.select({ key: fileVersions.storageKey }).from(fileVersions)).length;
    // Declared too large: refused before a byte is read.
    const declared = await send(libraryRoute.POST, { token, params: { spaceId }, query: '?name=big.bin', body: text('x'), headers: { 'content-length': String(env.FILE_MAX_BYTES + 1) } });
    expect(declared.status).toBe(422);
    // Undeclared, streamed: cut off as soon as the cap is passed.
    const streamed = await send(libraryRoute.POST, { token, params: { spaceId }, query: '?name=big.bin', body: streamOf(env.FILE_MAX_BYTES + 100_000) });
    expect(streamed).toMatchObject({ status: 422, json: { error: { fields: { file: ['The file is too large'] } } } });
    expect((await db.select({ key: fileVersions.storageKey }).from(fileVersions)).length).toBe(before);

    // The quota counts every version; the upload that would pass it is refused.
    const piece = new Uint8Array(Math.floor(env.FILE_MAX_BYTES * 0.9)).fill(1);
    let refused = null;
    for (let i = 0; i < Math.ceil(env.SPACE_FILE_QUOTA_BYTES / piece.byteLength) + 1 && !refused; i++) {
      const answer = await upload(token, spaceId, `part-${i}.bin`, piece);
      if (answer.status !== 201) refused = answer;
    }
    expect(refused).toMatchObject({ status: 422, json: { error: { fields: { file: [expect.stringMatching(/storage is full/)] } } } });
    const usage = (await send(libraryRoute.GET, { token, params: { spaceId } })).json.usage;
    expect(usage.usedBytes).toBeLessThanOrEqual(usage.quotaBytes);
  });

  it('keeps the quota when two uploads that each fit race for what is left', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const piece = new Uint8Array(Math.floor(env.FILE_MAX_BYTES * 0.9)).fill(2);
    while ((await send(libraryRoute.GET, { token, params: { spaceId } })).json.usage.usedBytes + 2 * piece.byteLength <= env.SPACE_FILE_QUOTA_BYTES) {
      expect((await upload(token, spaceId, `fill-${crypto.randomUUID()}.bin`, piece)).status).toBe(201);
    }
    // What is left now fits one more piece, not two: both begin before either is kept.
    const half = piece.slice(0, Math.floor(piece.byteLength * 0.8));
    const answers = await Promise.all([upload(token, spaceId, 'race-a.bin', half), upload(token, spaceId, 'race-b.bin', half)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const usage = (await send(libraryRoute.GET, { token, params: { spaceId } })).json.usage;
    expect(usage.usedBytes).toBeLessThanOrEqual(usage.quotaBytes);
  });

  it('organises folders, refuses loops and taken names, and restores from the recycle bin', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const design = (await send(foldersRoute.POST, { token, params: { spaceId }, body: text(JSON.stringify({ name: '设计稿' })), headers: { 'content-type': 'application/json' } })).json.folder;
    const drafts = (await send(foldersRoute.POST, { token, params: { spaceId }, body: text(JSON.stringify({ name: '初稿', parentId: design.id })), headers: { 'content-type': 'application/json' } })).json.folder;
    const taken = await send(foldersRoute.POST, { token, params: { spaceId }, body: text(JSON.stringify({ name: '设计稿' })), headers: { 'content-type': 'application/json' } });
    expect(taken.json.error.fields.name).toEqual(['A file or folder of that name is already in this folder']);
    const loop = await send(folderRoute.PATCH, { token, params: { folderId: design.id }, body: text(JSON.stringify({ folderId: drafts.id })), headers: { 'content-type': 'application/json' }, method: 'PATCH' });
    expect(loop.status).toBe(422);
    const inside = await upload(token, spaceId, '封面.txt', text('封面'), `&folderId=${drafts.id}`);
    expect(inside.status).toBe(201);
    const listing = (await send(libraryRoute.GET, { token, params: { spaceId }, query: `?folderId=${drafts.id}` })).json;
    expect(listing.path.map((f: { name: string }) => f.name)).toEqual(['设计稿', '初稿']);
    expect(listing.files.map((f: { name: string }) => f.name)).toEqual(['封面.txt']);

    expect((await send(folderRoute.DELETE, { token, params: { folderId: design.id }, method: 'DELETE' })).status).toBe(204);
    expect((await send(fileRoute.GET, { token, params: { fileId: inside.json.file.id } })).status).toBe(404);
    expect((await send(libraryRoute.GET, { token, params: { spaceId }, query: '?q=封面' })).json.files).toEqual([]);
    // The recycle bin is for the space's leads.
    expect((await send(binRoute.GET, { token, params: { spaceId } })).status).toBe(403);
    const owner = await tokenOf(seeded.owner);
    expect((await send(binRoute.GET, { token: owner, params: { spaceId } })).json.folders.map((f: { name: string }) => f.name)).toEqual(['设计稿']);
    expect((await send(folderRestoreRoute.POST, { token: owner, params: { folderId: design.id } })).status).toBe(204);
    expect((await send(fileRoute.GET, { token, params: { fileId: inside.json.file.id } })).status).toBe(200);

    // A file back from the bin whose name was taken meanwhile gets a free one.
    const fileId = inside.json.file.id;
    await send(fileRoute.DELETE, { token, params: { fileId }, method: 'DELETE' });
    await upload(token, spaceId, '封面.txt', text('新封面'), `&folderId=${drafts.id}`);
    await send(restoreRoute.POST, { token: owner, params: { fileId } });
    expect((await send(fileRoute.GET, { token, params: { fileId } })).json.file.name).toBe('封面 (2).txt');
  });

  it('restores an old version as the newest, sharing its bytes, and purges what nothing uses', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const v1 = (await upload(token, spaceId, '报告.txt', text('第一版'))).json.file;
    await upload(token, spaceId, '报告.txt', text('第二版内容'));
    const restored = await send(restoreVersionRoute.POST, { token, params: { fileId: v1.id, versionId: v1.version.id } });
    expect(restored.json.file.version).toMatchObject({ number: 3, restoredFrom: 1 });
    expect(new TextDecoder().decode((await send(contentRoute.GET, { token, params: { fileId: v1.id } })).bytes)).toBe('第一版');
    const versions = (await send(versionsRoute.GET, { token, params: { fileId: v1.id } })).json.versions;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    // v1 and v3 share their bytes: counted once.
    expect((await send(libraryRoute.GET, { token, params: { spaceId } })).json.usage.usedBytes).toBe(text('第一版').byteLength + text('第二版内容').byteLength);

    const db = await getDb();
    const keys = (await db.select({ key: fileVersions.storageKey }).from(fileVersions).where(eq(fileVersions.fileId, v1.id))).map((r) => r.key);
    await send(fileRoute.DELETE, { token, params: { fileId: v1.id }, method: 'DELETE' });
    const owner = await tokenOf(seeded.owner);
    expect((await send(purgeRoute.POST, { token: owner, params: { fileId: v1.id } })).status).toBe(204);
    for (const key of keys) expect(await getFileStorage().stat(key)).toBeNull();

    // Thirty days after deletion the bin empties itself.
    const old = (await upload(token, spaceId, '旧文件.txt', text('旧'))).json.file;
    await send(fileRoute.DELETE, { token, params: { fileId: old.id }, method: 'DELETE' });
    expect(await purgeExpired(db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await purgeExpired(db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(files).where(eq(files.id, old.id))).toEqual([]);
  });

  it('stars per person across spaces and attaches files to tasks of the same space only', async () => {
    const seeded = await seedSpace();
    const other = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const file = (await upload(token, seeded.space.id, '需求文档.txt', text('需求'))).json.file;
    expect((await send(starRoute.PUT, { token, params: { fileId: file.id }, method: 'PUT' })).status).toBe(204);
    expect((await send(libraryRoute.GET, { token, params: { spaceId: seeded.space.id }, query: '?starred=1' })).json.files.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect((await send(libraryRoute.GET, { token: await tokenOf(seeded.owner), params: { spaceId: seeded.space.id }, query: '?starred=1' })).json.files).toEqual([]);
    expect((await send(starredRoute.GET, { token, params: {} })).json.files).toMatchObject([{ id: file.id, spaceName: seeded.space.name }]);

    const task = await seedTask(seeded);
    const attach = (targetId: string) => send(attachmentsRoute.POST, { token, params: { fileId: file.id }, body: text(JSON.stringify({ targetType: 'task', targetId })), headers: { 'content-type': 'application/json' } });
    expect((await attach(task.id)).status).toBe(204);
    expect((await attach(task.id)).status).toBe(204);
    const stranger = await seedTask(other);
    expect((await attach(stranger.id)).json.error.fields.targetId).toEqual(['That task or message is not in this space']);
    const details = (await send(fileRoute.GET, { token, params: { fileId: file.id } })).json;
    expect(details.attachments).toMatchObject([{ targetType: 'task', targetId: task.id }]);
  });

  it('attaches a file to its uploader\'s own chat message, shown with the message', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const [channel] = await listChannels(userActor(seeded.participant), seeded.space.id);
    const file = (await upload(token, seeded.space.id, '排期.xlsx', text('x'))).json.file;
    const { message } = await postMessage(userActor(seeded.participant), channel!.id, { body: '排期.xlsx' });
    const attach = (who: string, targetId: string) => send(attachmentsRoute.POST, { token: who, params: { fileId: file.id }, body: text(JSON.stringify({ targetType: 'message', targetId })), headers: { 'content-type': 'application/json' } });
    // Someone else's message is not theirs to attach to.
    expect((await attach(await tokenOf(seeded.owner), message.id)).status).toBe(403);
    expect((await attach(token, message.id)).status).toBe(204);
    const page = await listMessages(userActor(seeded.owner), channel!.id);
    expect(page.messages.find((m) => m.id === message.id)!.attachments).toMatchObject([{ fileId: file.id, name: '排期.xlsx', kind: 'text' }]);
  });

  it('previews text and Word files on the server, and a broken one as "cannot preview"', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const spaceId = seeded.space.id;
    const markdown = (await upload(token, spaceId, '说明.md', text('# 发布会\n\n<script>alert(1)</script> **重点**'))).json.file;
    const shown = (await send(previewRoute.GET, { token, params: { fileId: markdown.id } })).json;
    expect(shown.preview.type).toBe('html');
    expect(shown.preview.html).toContain('<h1>发布会</h1>');
    expect(shown.preview.html).not.toContain('<script');

    const docx = await buildDocx();
    const word = (await upload(token, spaceId, '方案.docx', docx)).json.file;
    expect(word.version.kind).toBe('docx');
    const wordPreview = (await send(previewRoute.GET, { token, params: { fileId: word.id } })).json.preview;
    expect(wordPreview.type).toBe('html');
    const broken = (await upload(token, spaceId, '坏的.docx', docx.slice(0, Math.floor(docx.byteLength * 0.7)))).json.file;
    const brokenPreview = (await send(previewRoute.GET, { token, params: { fileId: broken.id } })).json.preview;
    expect(brokenPreview).toMatchObject({ type: 'unavailable' });
    expect((await send(previewRoute.GET, { token: await tokenOf(seeded.outsider), params: { fileId: word.id } })).status).toBe(404);
  });
});

describe('signed content links', () => {
  it('hold for one person and one version until they expire', async () => {
    const link = new URL(await signedContentUrl('u-1', 'f-1', 'v-1', 'inline', 1_000), 'http://localhost');
    const parts = Object.fromEntries(link.searchParams) as { version: string; expires: string; disposition: string; sig: string };
    expect(await verifyContentLink('u-1', parts, 2_000)).toBe(true);
    expect(await verifyContentLink('u-2', parts, 2_000)).toBe(false);
    expect(await verifyContentLink('u-1', { ...parts, disposition: 'attachment' }, 2_000)).toBe(false);
    expect(await verifyContentLink('u-1', parts, 1_000 + 16 * 60 * 1000)).toBe(false);
  });
});
