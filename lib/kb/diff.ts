import { diffLines, diffWordsWithSpace } from 'diff';

/** A stretch of the compared text: unchanged, only in the newer version, or only in the older. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const partOf = (change: { added: boolean; removed: boolean; value: string }): DiffPart => ({
  kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
  text: change.value,
});

/**
 * What changed between two versions' plain text: by line, and inside a line that was replaced by
 * word (a Chinese word is a character), so a one-character fix does not show as a whole new line.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const lines = diffLines(before, after);
  const parts: DiffPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.removed && next?.added) {
      parts.push(...diffWordsWithSpace(line.value, next.value).map(partOf));
      i++;
    } else {
      parts.push(partOf(line));
    }
  }
  // Neighbouring parts of one kind read as one.
  return parts.reduce<DiffPart[]>((merged, part) => {
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else if (part.text) merged.push({ ...part });
    return merged;
  }, []);
}
