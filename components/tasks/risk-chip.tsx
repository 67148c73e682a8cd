import { useTranslations } from 'next-intl';
import type { RiskLevel } from '@/lib/tasks/rules';

const tone: Record<RiskLevel, string> = {
  green: 'bg-green-100 text-green-800 ring-green-600/30',
  yellow: 'bg-amber-100 text-amber-900 ring-amber-600/30',
  red: 'bg-red-100 text-red-800 ring-red-600/30',
};
const dot: Record<RiskLevel, string> = { green: 'bg-green-600', yellow: 'bg-amber-500', red: 'bg-red-600' };

/** 风险预警 as a colour chip with its word (colour alone would not reach everyone). */
export function RiskChip({ risk, overridden }: { risk: RiskLevel; overridden: boolean }) {
  const t = useTranslations('progress');
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone[risk]}`} data-risk={risk}>
      <span className={`size-2 rounded-full ${dot[risk]}`} aria-hidden="true" />
      {t(`risks.${risk}`)}
      {overridden && <span className="font-normal">{t('manual')}</span>}
    </span>
  );
}
