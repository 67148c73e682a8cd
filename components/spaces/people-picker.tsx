'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import type { PersonOption } from '@/lib/org/people';

interface PeoplePickerProps {
  /** Field name of the chosen ids (one hidden input each). */
  name: string;
  label: string;
  people: Omit<PersonOption, 'departmentId'>[];
  defaultSelected?: string[];
  /** At most this many may be chosen. */
  max?: number;
  /** People who may not be chosen (already members). */
  exclude?: string[];
  errors?: string[];
}

const SHOWN = 50;

/** Search colleagues by name, pinyin, initials or email and tick them; chosen people show as chips. */
export function PeoplePicker({ name, label, people, defaultSelected = [], max, exclude = [], errors }: PeoplePickerProps) {
  const t = useTranslations('spaces');
  const id = useId();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>(defaultSelected);
  const excluded = useMemo(() => new Set(exclude), [exclude]);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const needle = query.trim().toLowerCase();
  const matches = people.filter((p) => !excluded.has(p.id) && (!needle || p.searchKey.includes(needle)));
  const full = max !== undefined && selected.length >= max;
  const toggle = (personId: string) =>
    setSelected((current) => (current.includes(personId) ? current.filter((x) => x !== personId) : [...current, personId]));
  const invalid = Boolean(errors?.length);

  return (
    <div role="group" aria-labelledby={`${id}-label`} data-testid={`people-picker-${name}`}>
      <p id={`${id}-label`} className="mb-1 text-sm font-medium text-slate-700">{label}</p>
      {selected.map((personId) => (
        <input key={personId} type="hidden" name={name} value={personId} />
      ))}
      {selected.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-1" aria-label={t('chosenPeople')}>
          {selected.map((personId) => (
            <li key={personId} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-800">
              {byId.get(personId)?.name ?? personId}
              <button type="button" onClick={() => toggle(personId)} className="rounded-full p-1 hover:bg-brand-100" aria-label={t('unchoose', { name: byId.get(personId)?.name ?? '' })}>
                <X className="size-3" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('searchPeople')}
        aria-label={t('searchPeopleLabel', { field: label })}
        className={`block min-h-11 w-full rounded-md border bg-white px-3 text-base ${invalid ? 'border-red-500' : 'border-slate-300'}`}
      />
      <ul className="mt-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 bg-white">
        {matches.slice(0, SHOWN).map((person) => {
          const checked = selected.includes(person.id);
          return (
            <li key={person.id}>
              <label className="flex min-h-10 cursor-pointer items-center gap-2 px-3 text-sm hover:bg-slate-50">
                <input type="checkbox" checked={checked} disabled={!checked && full} onChange={() => toggle(person.id)} className="size-4 accent-brand-600" />
                <span className="font-medium text-slate-900">{person.name}</span>
                <span className="truncate text-slate-500">{person.departmentName ?? ''}</span>
              </label>
            </li>
          );
        })}
        {matches.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">{t('noPeopleFound')}</li>}
        {matches.length > SHOWN && <li className="px-3 py-2 text-xs text-slate-500">{t('morePeople', { count: matches.length - SHOWN })}</li>}
      </ul>
      {invalid && <p className="mt-1 text-sm text-red-700">{errors!.join(' ')}</p>}
    </div>
  );
}
