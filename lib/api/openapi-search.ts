import { z } from 'zod';
import { globalSearchSchema, SEARCH_TYPES } from '@/lib/search/schema';
import { common, componentRef, json, listQueryParameters, problem } from './openapi-parts';

// Global search in the OpenAPI document.

const range = z.tuple([z.int(), z.int()]);
const count = z.object({ total: z.int(), capped: z.boolean().describe('More than `total` (1000) match.') });

const searchHit = z.object({
    type: z.enum(SEARCH_TYPES), id: z.uuid(), title: z.string().describe('Page title, task or file name; a message’s channel.'),
    titleHighlights: z.array(range).describe('[start, end) offsets of the keywords in the title.'),
    snippet: z.string(), highlights: z.array(range).describe('[start, end) offsets of the keywords in the snippet.'),
    spaceId: z.uuid().nullable().describe('Null for an organisation knowledge page.'), spaceName: z.string().nullable(),
    author: z.string().nullable().describe('Who wrote it (messages).'), href: z.string().describe('The app page it opens.'), at: z.iso.datetime().describe('Last change; a message’s posting.'),
});

export const searchResponses = {
  SearchHit: searchHit,
  GlobalSearchResult: z.object({
    hits: z.array(searchHit),
    counts: z.object(Object.fromEntries(SEARCH_TYPES.map((type) => [type, count])) as Record<(typeof SEARCH_TYPES)[number], typeof count>),
    nextCursor: z.int().nullable().describe('Pass as `cursor` for the next page.'),
  }),
};

export function searchPaths() {
  return {
    '/search': {
      get: {
        operationId: 'searchEverything',
        summary: 'Knowledge pages, tasks, files (names and text) and messages the caller may see that contain every keyword of `q` (Chinese or English: exact substring results); title hits first, then the most recently changed. Filters: `type`, `spaceId`, `tagId` (pages), `from`/`to` (day of last change). Counts stop at 1000 per type',
        parameters: listQueryParameters(globalSearchSchema),
        responses: {
          '200': {
            description: 'A page of hits and the count of each type.',
            ...json(componentRef('GlobalSearchResult')),
          },
          '422': problem('Nothing to search for, or a parameter is invalid.'),
          ...common,
        },
      },
    },
  };
}
