// One run of the background jobs at a given time, as a separate app process would do it: the
// digest race test starts two of these against one Postgres database. Env: DATABASE_URL, SMTP_URL, JOBS_NOW.
import { closeDatabase } from '@/db/client';
import { runDueDigests } from '@/lib/notify/digest';
import { deliverDue } from '@/lib/notify/outbox';

const now = new Date(process.env.JOBS_NOW!);
const digests = await runDueDigests(now);
const sent = await deliverDue(now);
await closeDatabase();
console.log(JSON.stringify({ digests, sent }));
