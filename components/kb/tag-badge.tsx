import type { KbTagColor } from '@/lib/kb/rules';

const colors: Record<KbTagColor, string> = {
  slate: 'bg-slate-100 text-slate-800', red: 'bg-red-100 text-red-800', amber: 'bg-amber-100 text-amber-900', green: 'bg-green-100 text-green-800',
  teal: 'bg-teal-100 text-teal-800', blue: 'bg-blue-100 text-blue-800', violet: 'bg-violet-100 text-violet-800', pink: 'bg-pink-100 text-pink-800',
};

/** A category tag as pages and lists show it. */
export function TagBadge({ tag }: { tag: { name: string; color: string } }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${colors[tag.color as KbTagColor] ?? colors.slate}`}>{tag.name}</span>;
}
