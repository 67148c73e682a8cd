// Names inside the export zip: whatever people called their files and folders, each path segment
// is made safe for every unzip tool and file system, and two entries never get the same name.

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** One safe path segment: no separators or control characters, no leading dots, not empty. */
export function safeSegment(name: string, fallback = '_'): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 120);
  if (RESERVED.test(safe)) safe = `_${safe}`;
  return safe || fallback;
}

/** Hands out entry names, adding " (2)", " (3)"… before the extension when a name is taken (case-insensitively). */
export function uniqueNames() {
  const taken = new Set<string>();
  return (path: string): string => {
    let candidate = path;
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    const [stem, extension] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
