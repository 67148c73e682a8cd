'use client';

import { Pencil } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import type { PersonOption } from '@/lib/org/people';
import { ActionItemForm, type ActionItemDefaults } from './action-item-form';

interface ActionItemEditorProps {
  meetingId: string;
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  members: Omit<PersonOption, 'departmentId'>[];
  item: ActionItemDefaults & { id: string };
  /** The item as the minutes show it (rendered on the server). */
  children: ReactNode;
  /** Further controls next to 编辑 (removing the item). */
  controls?: ReactNode;
}

/** One action item of the meeting page, which its recorders can edit in place. */
export function ActionItemEditor({ meetingId, action, members, item, children, controls }: ActionItemEditorProps) {
  const t = useTranslations('meetings');
  const [editing, setEditing] = useState(false);
  const close = useCallback(() => setEditing(false), []);
  if (editing) return <ActionItemForm meetingId={meetingId} action={action} members={members} defaults={item} itemId={item.id} onDone={close} />;
  return (
    <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      {/* Under the item on a phone, so its details keep the whole width. */}
      <div className="-ml-2 flex shrink-0 items-start gap-1 sm:ml-0">
        <button
          type="button"
          onClick={() => setEditing(true)}
          aria-label={t('editActionItemNamed', { title: item.title })}
          className="inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-sm text-brand-700 hover:bg-brand-50"
        >
          <Pencil className="size-4" aria-hidden="true" />
          <span>{t('editActionItem')}</span>
        </button>
        {controls}
      </div>
    </div>
  );
}
