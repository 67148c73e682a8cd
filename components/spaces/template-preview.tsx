import { getTranslations } from 'next-intl/server';
import type { SpaceTemplate } from '@/lib/templates/space-templates';

/** What a scenario template brings: its starter tasks, milestones, group chats and minutes outline. */
export async function TemplatePreview({ template }: { template: SpaceTemplate }) {
  const t = await getTranslations('spaces');
  const { content } = template;
  const list = 'mt-1 space-y-1 text-sm text-slate-700';
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4" data-testid="template-preview">
      <summary className="cursor-pointer font-medium text-slate-900">{t('templateContents', { name: template.name })}</summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-800">{t('starterTasks', { count: content.tasks.length })}</h3>
          <ol className={list}>
            {content.tasks.map((task) => (
              <li key={task.name}>{t('taskDue', { name: task.name, days: task.dueInDays })}</li>
            ))}
          </ol>
        </div>
        <div className="space-y-3">
          <div>
            <h3 className="text-sm font-semibold text-slate-800">{t('milestones')}</h3>
            <ul className={list}>
              {content.milestones.map((m) => (
                <li key={m.name}>{t('taskDue', { name: m.name, days: m.dueInDays })}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-800">{t('channels')}</h3>
            <ul className={list}>
              {content.channels.map((c) => (
                <li key={c.name}>{c.name}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-800">{t('minutesOutline')}</h3>
            <p className="mt-1 text-sm text-slate-700">{content.minutesOutline.join(' · ')}</p>
          </div>
        </div>
      </div>
    </details>
  );
}
