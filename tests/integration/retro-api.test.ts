import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import * as exportSpaceRoute from '@/app/api/v1/spaces/[spaceId]/export/route';
import * as retroRoute from '@/app/api/v1/spaces/[spaceId]/retrospective/route';
import * as completeRoute from '@/app/api/v1/spaces/[spaceId]/retrospective/complete/route';
import * as reopenRoute from '@/app/api/v1/spaces/[spaceId]/retrospective/reopen/route';
import * as exportRetroRoute from '@/app/api/v1/spaces/[spaceId]/retrospective/export/route';
import * as toTaskRoute from '@/app/api/v1/spaces/[spaceId]/retrospective/improvements/[improvementId]/task/route';
import * as toPageRoute from '@/app/api/v1/spaces/[spaceId]/retrospective/improvements/[improvementId]/page/route';
import { retrospectiveResourceSchema } from '@/lib/retro/resources';
import { call, tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A GET whose answer is a file: the status, headers and bytes. */
async function download(handler: unknown, token: string, params: Record<string, string>, query = '') {
  const request = new Request(`http://localhost/api/v1/x${query}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' } });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return texts.join('\n');
}

describe('the retrospective API', () => {
  it('reads, saves with a version (409 when stale), completes, reopens and makes an improvement a task', async () => {
    const seeded = await seedSpace({ name: '新品上市项目' });
    await seedTask(seeded, { status: 'done', dueDate: '2099-01-01' });
    const token = await tokenOf(seeded.owner);
    const params = { spaceId: seeded.space.id };

    const read = await call(retroRoute.GET, { token, params });
    expect(read.status).toBe(200);
    const draft = retrospectiveResourceSchema.parse(read.body.retrospective);
    expect(draft).toMatchObject({ status: 'draft', version: 0, liveFacts: true, canEdit: true, facts: { totalTasks: 1, done: 1, doneOnTime: 1, onTimeRate: 1 } });

    const body = { version: 0, goals: draft.goals.map((g) => ({ ...g, outcome: 'achieved', evidence: '按期上市' })), problems: [{ text: '物流延误' }], improvements: [{ text: '备选物流商' }], summary: '顺利' };
    const saved = await call(retroRoute.PUT, { token, params, body, method: 'PUT' });
    expect(saved.status).toBe(200);
    expect(saved.body.retrospective.version).toBe(1);
    const stale = await call(retroRoute.PUT, { token, params, body, method: 'PUT' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed the retrospective|已被他人修改/);
    const invalid = await call(retroRoute.PUT, { token, params, body: { ...body, version: 1, goals: [{ goal: '', outcome: 'maybe' }] }, method: 'PUT' });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['goals.0.goal', 'goals.0.outcome']);
    expect((await call(retroRoute.PUT, { token, params, raw: '{nope', method: 'PUT' })).status).toBe(400);

    const improvementId = saved.body.retrospective.improvements[0].id;
    const task = await call(toTaskRoute.POST, { token, params: { ...params, improvementId }, body: { assigneeId: seeded.participant.id, dueDate: '2027-03-01' } });
    expect(task.status).toBe(201);
    expect(task.body.retrospective.improvements[0].task).toMatchObject({ number: 2, status: 'todo' });
    expect((await call(toTaskRoute.POST, { token, params: { ...params, improvementId }, body: { dueDate: 'soon' } })).status).toBe(422);
    const page = await call(toPageRoute.POST, { token, params: { ...params, improvementId } });
    expect(page.status).toBe(201);
    expect(page.body.retrospective.improvements[0].pageId).toEqual(expect.any(String));
    expect((await call(toPageRoute.POST, { token, params: { ...params, improvementId } })).status).toBe(409);
    expect((await call(toPageRoute.POST, { token, params: { ...params, improvementId: crypto.randomUUID() } })).status).toBe(404);

    const completed = await call(completeRoute.POST, { token, params, body: { version: 3 } });
    expect(completed.status).toBe(200);
    expect(completed.body.retrospective).toMatchObject({ status: 'completed', liveFacts: false, facts: { totalTasks: 2 } });
    expect((await call(completeRoute.POST, { token, params })).status).toBe(409);
    expect((await call(reopenRoute.POST, { token, params })).body.retrospective).toMatchObject({ status: 'draft' });
  });

  it('answers observers read-only, refuses them writes, and outsiders get 404', async () => {
    const seeded = await seedSpace();
    const params = { spaceId: seeded.space.id };
    const observer = await tokenOf(seeded.observer);
    expect((await call(retroRoute.GET, { token: observer, params })).body.retrospective.canEdit).toBe(false);
    expect((await call(retroRoute.PUT, { token: observer, params, body: { version: 0, goals: [], problems: [], improvements: [], summary: '' }, method: 'PUT' })).status).toBe(403);
    expect((await call(completeRoute.POST, { token: observer, params })).status).toBe(403);
    const outsider = await tokenOf(seeded.outsider);
    expect((await call(retroRoute.GET, { token: outsider, params })).status).toBe(404);
    expect((await download(exportRetroRoute.GET, outsider, params, '?format=pdf')).status).toBe(404);
    expect((await call(retroRoute.GET, { params })).status).toBe(401);
  });

  it('exports the retrospective as a Word document and as a PDF with Chinese text', async () => {
    const seeded = await seedSpace({ name: '新品上市项目' });
    const token = await tokenOf(seeded.observer);
    const params = { spaceId: seeded.space.id };
    const docx = await download(exportRetroRoute.GET, token, params);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('新品上市项目 · 项目复盘.docx'));
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('新品上市项目 · 项目复盘');
    expect(xml).toContain('三个月内完成新品上市');

    const pdf = await download(exportRetroRoute.GET, token, params, '?format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('新品上市项目 · 项目复盘');
    expect(text).toContain('按时完成率');

    expect((await download(exportRetroRoute.GET, token, params, '?format=odt')).status).toBe(422);
  });
});

describe('the space export API', () => {
  it('streams a zip to leads and refuses the others', async () => {
    const seeded = await seedSpace();
    const params = { spaceId: seeded.space.id };
    const answer = await download(exportSpaceRoute.GET, await tokenOf(seeded.admin), params);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="space-export\.zip"; filename\*=UTF-8''/);
    const zip = await JSZip.loadAsync(answer.bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['index.html', 'space.json', 'tasks.json', 'messages.json', 'meetings.json', 'retrospective.json', 'retrospective.html']));
    expect((await download(exportSpaceRoute.GET, await tokenOf(seeded.participant), params)).status).toBe(403);
    expect((await download(exportSpaceRoute.GET, await tokenOf(seeded.outsider), params)).status).toBe(404);
  });
});
