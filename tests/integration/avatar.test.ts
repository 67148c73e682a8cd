import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createPersonalAccessToken } from '@/lib/auth/tokens';
import { env } from '@/lib/env';
import { DELETE as deleteAvatar, PUT as putAvatar } from '@/app/api/v1/me/avatar/route';
import { GET as getAvatar } from '@/app/api/avatars/[name]/route';
import { setupTestDatabase } from './support/database';
import { seedUser } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();
const noParams = { params: Promise.resolve({}) };

async function signedInUser() {
  const user = await seedUser();
  const { token } = await createPersonalAccessToken(systemActor, user.id, { name: 'avatar' });
  return { user, auth: { authorization: `Bearer ${token}`, 'accept-language': 'en' } };
}

function upload(auth: Record<string, string>, bytes: Uint8Array, fileName = 'me.png') {
  const body = new FormData();
  body.set('file', new Blob([new Uint8Array(bytes)]), fileName);
  return putAvatar(new Request('http://localhost/api/v1/me/avatar', { method: 'PUT', headers: auth, body }), noParams);
}

function fetchAvatar(auth: Record<string, string>, url: string) {
  const name = url.split('/').at(-1)!;
  return getAvatar(new Request(`http://localhost${url}`, { headers: auth }), { params: Promise.resolve({ name }) });
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c0392b' } }).png().toBuffer();

async function storedKey(userId: string) {
  const [row] = await database.handle.db.select({ key: users.avatarKey }).from(users).where(eq(users.id, userId));
  return row!.key;
}

const fileOnDisk = (key: string) => path.join(path.resolve(env.FILES_DIR), key);

describe('avatar upload', () => {
  it('turns an uploaded picture into a 256 px square WebP served to signed-in colleagues', async () => {
    const { user, auth } = await signedInUser();
    const response = await upload(auth, await photo(900, 600));
    expect(response.status).toBe(200);
    const { avatarUrl } = await response.json();
    expect(avatarUrl).toMatch(/^\/api\/avatars\/[\w-]+\.webp$/);
    expect(await storedKey(user.id)).toBe(avatarUrl.replace('/api/', ''));

    const colleague = await signedInUser();
    const served = await fetchAvatar(colleague.auth, avatarUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });

    const anonymous = await fetchAvatar({}, avatarUrl);
    expect(anonymous.status).toBe(401);
  });

  it('drops the camera metadata (location, device) from photos', async () => {
    const { auth } = await signedInUser();
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#2980b9' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneMaker', Copyright: 'secret place' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const { avatarUrl } = await (await upload(auth, jpeg, 'holiday.jpg')).json();
    const served = Buffer.from(await (await fetchAvatar(auth, avatarUrl)).arrayBuffer());
    expect((await sharp(served).metadata()).exif).toBeUndefined();
    expect(served.includes('PhoneMaker')).toBe(false);
  });

  it('replaces the previous picture and deletes its file; removing goes back to initials', async () => {
    const { user, auth } = await signedInUser();
    await upload(auth, await photo(100, 100));
    const first = (await storedKey(user.id))!;
    expect(existsSync(fileOnDisk(first))).toBe(true);
    await upload(auth, await photo(120, 80));
    const second = (await storedKey(user.id))!;
    expect(second).not.toBe(first);
    expect(existsSync(fileOnDisk(first))).toBe(false);

    const removed = await deleteAvatar(new Request('http://localhost/api/v1/me/avatar', { method: 'DELETE', headers: auth }), noParams);
    expect(removed.status).toBe(204);
    expect(await storedKey(user.id)).toBeNull();
    expect(existsSync(fileOnDisk(second))).toBe(false);
  });

  it('judges the bytes, not the file name: a text file called .png is refused and nothing is saved', async () => {
    const { user, auth } = await signedInUser();
    const response = await upload(auth, new TextEncoder().encode('not an image at all'), 'me.png');
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields.file).toEqual(['Choose a JPG, PNG, WebP, GIF or AVIF image']);
    expect(await storedKey(user.id)).toBeNull();
  });

  it('refuses a picture that looks like a PNG but cannot be decoded', async () => {
    const { auth } = await signedInUser();
    const png = await photo(50, 50);
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]);
    const response = await upload(auth, broken);
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields.file).toEqual(['This image could not be read; try another one']);
  });

  it('refuses an over-size body before reading it, an empty file, and a request that is not multipart', async () => {
    const { auth } = await signedInUser();
    const huge = await putAvatar(
      new Request('http://localhost/api/v1/me/avatar', {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(20 * 1024 * 1024) },
        body: 'x',
      }),
      noParams,
    );
    expect(huge.status).toBe(422);
    expect((await huge.json()).error.fields.file).toEqual(['The picture must be 8 MB or smaller']);

    const empty = await upload(auth, new Uint8Array());
    expect((await empty.json()).error.fields.file).toEqual(['The file is empty']);

    const json = await putAvatar(
      new Request('http://localhost/api/v1/me/avatar', { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' }),
      noParams,
    );
    expect(json.status).toBe(422);
  });

  it('answers 404 for unknown avatars and for names that try to leave the avatar folder', async () => {
    const { auth } = await signedInUser();
    for (const name of ['nope1234567890123456.webp', '..%2F..%2Fpglite', '../../etc/passwd']) {
      const response = await getAvatar(new Request('http://localhost/api/avatars/x', { headers: auth }), { params: Promise.resolve({ name }) });
      expect(response.status).toBe(404);
    }
  });
});
