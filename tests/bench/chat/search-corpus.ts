import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { messages } from '@/db/schema';
import { documentVector, normalizeForSearch } from '@/lib/search/cjk-bigrams';
import { seededRandom } from '../../support/seeded-random';

// Generated chat text for the search benchmark: Chinese work chatter with English mixed in, from
// word lists, so common words are common and rare ones rare, the way real messages are.

const COMMON = ['发布会', '预算', '方案', '客户', '需求', '会议', '进度', '确认', '今天', '明天', '上线', '测试', '文档', '时间', '问题'];
const RARE = ['琉璃瓦', '麒麟', '饕餮', '鎏金', '翡翠', '犀牛', '朱雀'];
const FILLER = ['请大家', '尽快', '看一下', '我们', '已经', '还需要', '下周', '跟进', '同步', '一下', '的', '和', '在', '了', '把', '对接', '安排', '负责'];
const ENGLISH = ['budget', 'launch', 'review', 'deadline', 'draft', 'sync', 'QA', 'release', 'v2', 'demo'];

/** One generated message: 6–20 pieces of filler with common words, now and then a rare or English one. */
export function generateMessage(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const parts: string[] = [];
  const length = 6 + Math.floor(next() * 15);
  for (let i = 0; i < length; i++) {
    const roll = next();
    parts.push(roll < 0.35 ? pick(COMMON) : roll < 0.37 ? pick(RARE) : roll < 0.45 ? ` ${pick(ENGLISH)} ` : pick(FILLER));
  }
  return parts.join('') + (next() < 0.5 ? '。' : '');
}

const CHUNK = 2000;

/** Inserts `count` generated messages into a channel in bulk, then analyses the table. */
export async function seedMessages(db: Database, options: { spaceId: string; channelId: string; authorId: string; count: number; firstSeq: number }) {
  const next = seededRandom(20261201);
  for (let done = 0; done < options.count; done += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, options.count - done) }, (_, i) => {
      const body = generateMessage(next);
      return {
        spaceId: options.spaceId, channelId: options.channelId, authorId: options.authorId, seq: options.firstSeq + done + i, body,
        searchText: normalizeForSearch(body), searchVector: sql`${documentVector(body)}::tsvector`,
      };
    });
    await db.insert(messages).values(rows);
  }
  await db.execute(sql`analyze messages`);
}

/** The queries measured: one and two characters, common and rare words, phrases, several keywords, English. */
export const SEARCH_QUERIES = [
  '发', '会', '琉', '预算', '方案', '客户', '麒麟', '饕餮', '发布会', '琉璃瓦', '需求文档', '确认方案', '上线测试', '发布会预算',
  '今天 会议', '客户 需求 进度', '鎏金 翡翠', 'budget', 'launch', 'qa', 'v2', 'release 上线', '犀牛', '朱雀', '时间问题', '同步一下',
];
