import type { SpaceColor } from '@/lib/spaces/rules';

/** Tailwind background for a space's cover colour (listed whole so Tailwind keeps them). */
const classes: Record<SpaceColor, string> = {
  blue: 'bg-blue-600',
  teal: 'bg-teal-600',
  green: 'bg-green-600',
  amber: 'bg-amber-500',
  orange: 'bg-orange-600',
  rose: 'bg-rose-600',
  violet: 'bg-violet-600',
  slate: 'bg-slate-600',
};

export function coverColorClass(color: string): string {
  return classes[color as SpaceColor] ?? classes.blue;
}
