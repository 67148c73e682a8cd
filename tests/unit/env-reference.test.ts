import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Read as text at run time, not imported: the schema is private to lib/env.ts, and a variable
// added there by anyone must show up here without touching this test.
const envSource = fs.readFileSync(path.resolve('lib/env.ts'), 'utf8');
const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');

/** The keys of `const envSchema = z.object({ … })`: each at two spaces of indentation. */
function schemaVariables(source: string): string[] {
  const start = source.indexOf('const envSchema = z.object({');
  const end = source.indexOf('\n});', start);
  if (start < 0 || end < 0) throw new Error('lib/env.ts no longer has `const envSchema = z.object({ … });`');
  return [...source.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]*)\s*:/gm)].map((match) => match[1]!);
}

/** The variables named in the first column of the table under "### Environment reference". */
function referenceVariables(text: string): string[] {
  const start = text.indexOf('\n### Environment reference\n');
  if (start < 0) throw new Error('README.md has no "### Environment reference" section');
  const rest = text.slice(start + 1);
  const next = rest.slice(1).search(/\n#{2,3} /);
  const section = next < 0 ? rest : rest.slice(0, next + 1);
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) => line.split('|')[1] ?? '');
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]!));
}

describe('README environment reference', () => {
  const variables = schemaVariables(envSource);
  const documented = referenceVariables(readme);

  it('reads the variables of lib/env.ts', () => {
    expect(variables).toContain('DATABASE_URL');
    expect(variables).toContain('PORT');
    expect(variables.length).toBeGreaterThan(20);
  });

  it('lists every variable of lib/env.ts', () => {
    expect(variables.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('lists only variables the app reads', () => {
    expect(documented.filter((name) => !envSource.includes(name))).toEqual([]);
  });
});
