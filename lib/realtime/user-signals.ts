import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { keepListening, type Listening } from './listening';

// Per-person signals ("your notifications changed"), for what follows a person rather than a space.
// A NOTIFY carries the user ids only; each process wakes the streams it holds for them, and they
// read their own rows. Nothing is replayed: a stream that connects reads the current state first.

export const USER_SIGNALS_CHANNEL = 'xiezuo_user_signals';
/** A NOTIFY payload stays well under Postgres' 8,000-byte limit. */
const IDS_PER_NOTIFY = 100;

type Wake = () => void;

interface UserSignalState {
  users: Map<string, Set<Wake>>;
  listening?: Listening;
}

const globalState = globalThis as typeof globalThis & { __xiezuoUserSignals?: UserSignalState };
const state: UserSignalState = (globalState.__xiezuoUserSignals ??= { users: new Map() });

/** Wakes the streams of these people once the caller's transaction commits. */
export async function signalUsers(tx: Transaction, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += IDS_PER_NOTIFY) {
    await tx.execute(sql`select pg_notify(${USER_SIGNALS_CHANNEL}, ${unique.slice(i, i + IDS_PER_NOTIFY).join(',')})`);
  }
}

function wake(userId: string): void {
  for (const callback of state.users.get(userId) ?? []) callback();
}

function wakeAll(): void {
  for (const userId of state.users.keys()) wake(userId);
}

/** Calls `onSignal` whenever something of this person's changed; returns the function that stops it. */
export async function subscribeUser(userId: string, onSignal: Wake): Promise<() => void> {
  // Signals sent while the connection was lost are gone: every stream reads again.
  await keepListening(state, USER_SIGNALS_CHANNEL, (payload) => payload.split(',').forEach(wake), wakeAll);
  let callbacks = state.users.get(userId);
  if (!callbacks) state.users.set(userId, (callbacks = new Set()));
  callbacks.add(onSignal);
  return () => {
    callbacks.delete(onSignal);
    if (!callbacks.size && state.users.get(userId) === callbacks) state.users.delete(userId);
  };
}
