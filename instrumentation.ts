/**
 * Next calls this once when a server process starts: it starts the background jobs (outbox,
 * digests). NEXT_RUNTIME is set by Next itself: the jobs run only in the Node.js runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundJobs } = await import('./lib/notify/jobs');
  startBackgroundJobs();
}
