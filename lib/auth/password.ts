import bcrypt from 'bcryptjs';
import { env } from '@/lib/env';

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env.PASSWORD_HASH_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash('no-account-has-this-password', env.PASSWORD_HASH_COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
