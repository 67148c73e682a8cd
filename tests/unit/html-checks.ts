// Checks on sanitised HTML shared by the preview tests.
import { expect } from 'vitest';

/** The real tags in sanitised HTML (text is escaped, so every `<` starts one). */
export const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)].map(([, name, attributes]) => ({ name: name!.toLowerCase(), attributes: attributes!.trim() }));

/** Fails unless every tag is one of `allowed` and carries only inert attributes. */
export function expectInert(html: string, allowed: string[]) {
  expect(html).not.toMatch(/<(?:script|svg|iframe|style|object|math|form)/i);
  for (const { name, attributes } of tagsOf(html)) {
    expect(allowed).toContain(name);
    expect(attributes).not.toMatch(/(?:^|\s)(?:on\w+|style|id)\s*=/i);
    for (const [, value] of attributes.matchAll(/(?:href|src)="([^"]*)"/g)) expect(value).toMatch(/^(?:https?:|mailto:|data:image\/(?:png|jpeg|gif|webp);)/);
    for (const [, value] of attributes.matchAll(/class="([^"]*)"/g)) for (const name of value!.split(' ')) expect(name).toMatch(/^hljs-/);
  }
}
