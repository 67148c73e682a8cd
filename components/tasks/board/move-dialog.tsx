'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { fieldHelpers } from '@/components/ui/form-status';
import { TextareaField } from '@/components/ui/textarea-field';
import { TASK_TEXT_MAX } from '@/lib/tasks/rules';
import { IssueFields } from '../issue-fields';

interface MoveDialogProps {
  /** 'block': the issue entry a blocked task needs; 'unblock': what becomes of its open entries. */
  kind: 'block' | 'unblock';
  taskLabel: string;
  helpers: Pick<ReturnType<typeof fieldHelpers>, 'errors' | 'value'>;
  pending: boolean;
  onSubmit: (form: FormData) => void;
  onCancel: () => void;
}

/** Asks what a drop onto or out of 阻塞 needs before the card moves; cancelling puts it back. */
export function MoveDialog({ kind, taskLabel, helpers, pending, onSubmit, onCancel }: MoveDialogProps) {
  const t = useTranslations('tasks');
  const common = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const [keepOpen, setKeepOpen] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  }
  return (
    <dialog ref={ref} onCancel={onCancel} aria-labelledby="move-dialog-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-slate-900/40" data-testid="move-dialog">
      <form onSubmit={submit} noValidate className="space-y-3 p-4">
        <h2 id="move-dialog-title" className="font-semibold text-slate-900">{kind === 'block' ? t('blockTitle', { task: taskLabel }) : t('unblockTitle', { task: taskLabel })}</h2>
        {kind === 'block' ? (
          <IssueFields errors={helpers.errors} value={helpers.value} />
        ) : (
          <>
            {!keepOpen && <TextareaField name="resolution" label={t('resolution')} maxLength={TASK_TEXT_MAX} rows={2} errors={helpers.errors('resolution')} />}
            <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="keepIssueOpen" value="true" checked={keepOpen} onChange={(e) => setKeepOpen(e.target.checked)} className="size-5" />
              {t('keepIssueOpen')}
            </label>
          </>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>{common('cancel')}</Button>
          <Button type="submit" disabled={pending}>{pending ? common('saving') : t('confirmMove')}</Button>
        </div>
      </form>
    </dialog>
  );
}
