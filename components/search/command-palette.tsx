'use client';

import { Search, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { HighlightedText } from '@/components/chat/highlighted-text';
import { paletteDestinations, type Destination } from './palette-destinations';
import { readRecent, rememberRecent } from './palette-recent';
import { usePaletteSearch } from './use-palette-search';

interface CommandPaletteProps {
  spaces: { id: string; name: string }[];
  isOrgAdmin: boolean;
}

interface Option extends Destination {
  group: 'recent' | 'jump' | 'spaces' | 'results' | 'all';
  key: string;
  titleHighlights?: [number, number][];
}

const matches = (text: string, q: string) => text.toLowerCase().includes(q.toLowerCase());

/**
 * The command palette (Ctrl/⌘+K, or the header's search button): jump to the app's pages, the
 * current space's sections, spaces and recently opened items, and search results as you type.
 * A combobox with a listbox: arrows choose, Enter opens, Escape closes.
 */
export function CommandPalette({ spaces, isOrgAdmin }: CommandPaletteProps) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<Destination[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const listId = useId();
  const search = usePaletteSearch(open ? query : '');

  const show = useCallback(() => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setRecent(readRecent());
    setQuery('');
    setActive(0);
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    setOpen(false);
    returnFocus.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (open) hide();
        else show();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('xiezuo:open-palette', show);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('xiezuo:open-palette', show);
    };
  }, [open, show, hide]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const destinations = useMemo(() => paletteDestinations(t, pathname, spaces, isOrgAdmin), [t, pathname, spaces, isOrgAdmin]);
  const options = useMemo<Option[]>(() => {
    const q = query.trim();
    const list: Option[] = [];
    if (!q) list.push(...recent.map((d, i) => ({ ...d, group: 'recent' as const, key: `recent-${i}` })));
    list.push(...destinations.pages.filter((d) => !q || matches(d.title, q)).slice(0, q ? 6 : 20).map((d) => ({ ...d, group: 'jump' as const, key: `jump-${d.href}` })));
    list.push(...destinations.spaces.filter((d) => !q || matches(d.title, q)).slice(0, q ? 5 : 8).map((d) => ({ ...d, group: 'spaces' as const, key: `space-${d.href}` })));
    if (q) {
      list.push(...search.hits.map((hit) => ({
        title: hit.title || hit.snippet, subtitle: [t(`search.types.${hit.type}`), hit.spaceName ?? t('search.orgPage')].join(' · '), href: hit.href,
        group: 'results' as const, key: `hit-${hit.type}-${hit.id}`, titleHighlights: hit.title ? hit.titleHighlights : hit.highlights,
      })));
      list.push({ title: t('search.palette.allResults', { q }), href: `/search?q=${encodeURIComponent(q)}`, group: 'all', key: 'all' });
    }
    return list;
  }, [query, recent, destinations, search.hits, t]);

  const current = Math.min(active, Math.max(options.length - 1, 0));
  const go = (option: Option | undefined) => {
    if (!option) return;
    if (option.group === 'results') rememberRecent({ title: option.title, subtitle: option.subtitle, href: option.href });
    setOpen(false);
    router.push(option.href);
  };

  const onInputKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(options[current]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  const groupLabel: Record<Option['group'], string> = {
    recent: t('search.palette.recent'), jump: t('search.palette.jump'), spaces: t('search.palette.spaces'), results: t('search.palette.results'), all: '',
  };

  return (
    <>
      <button
        type="button"
        onClick={show}
        className="inline-flex min-h-10 min-w-10 items-center justify-center gap-2 rounded-md px-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900 sm:border sm:border-slate-200 sm:px-3"
        aria-label={t('search.open')}
        data-testid="open-palette"
      >
        <Search className="size-5 sm:size-4" aria-hidden="true" />
        <span className="hidden text-sm sm:inline">{t('search.submit')}</span>
        <kbd className="hidden rounded border border-slate-200 px-1 text-xs text-slate-500 lg:inline">Ctrl K</kbd>
      </button>
      {open && (
        <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-0 sm:p-4 sm:pt-24" onMouseDown={(event) => event.target === event.currentTarget && hide()}>
          <div role="dialog" aria-modal="true" aria-label={t('search.palette.label')} className="flex h-dvh w-full max-w-xl flex-col overflow-hidden bg-white shadow-xl sm:h-auto sm:max-h-[70vh] sm:rounded-lg" data-testid="command-palette">
            <div className="flex items-center gap-2 border-b border-slate-200 px-3">
              <Search className="size-4 shrink-0 text-slate-400" aria-hidden="true" />
              <input
                ref={inputRef}
                role="combobox"
                aria-expanded="true"
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={options.length ? `${listId}-${current}` : undefined}
                aria-label={t('search.palette.input')}
                placeholder={t('search.palette.placeholder')}
                value={query}
                maxLength={100}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setActive(0);
                }}
                onKeyDown={onInputKey}
                className="min-h-12 min-w-0 flex-1 bg-transparent text-base outline-none sm:text-sm"
              />
              <button type="button" onClick={hide} className="rounded p-2 text-slate-500 hover:bg-slate-100" aria-label={t('search.palette.close')}>
                <X className="size-4" aria-hidden="true" />
              </button>
            </div>
            <ul id={listId} role="listbox" aria-label={t('search.palette.label')} className="min-h-0 flex-1 overflow-y-auto py-1">
              {options.map((option, index) => {
                const first = index === 0 || options[index - 1]!.group !== option.group;
                return (
                  <li key={option.key} role="presentation">
                    {first && groupLabel[option.group] && <p role="presentation" className="px-3 pt-2 pb-1 text-xs font-semibold text-slate-500">{groupLabel[option.group]}</p>}
                    <div
                      id={`${listId}-${index}`}
                      role="option"
                      aria-selected={index === current}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => go(option)}
                      onMouseMove={() => index !== current && setActive(index)}
                      className={`mx-1 flex cursor-pointer flex-col rounded px-3 py-2 text-sm ${index === current ? 'bg-brand-50 text-brand-900' : 'text-slate-800'}`}
                      data-testid={option.group === 'results' ? 'palette-hit' : 'palette-option'}
                    >
                      <span className="truncate">{option.titleHighlights ? <HighlightedText text={option.title} ranges={option.titleHighlights} /> : option.title}</span>
                      {option.subtitle && <span className="truncate text-xs text-slate-500">{option.subtitle}</span>}
                    </div>
                  </li>
                );
              })}
              {query.trim() && search.state !== 'idle' && (
                <li role="presentation" className="px-4 py-2 text-xs text-slate-500" aria-live="polite">
                  {search.state === 'loading' ? t('search.palette.loading') : search.state === 'failed' ? t('search.palette.failed') : null}
                </li>
              )}
            </ul>
            <p className="hidden border-t border-slate-200 px-3 py-2 text-xs text-slate-500 sm:block">{t('search.palette.hint')}</p>
          </div>
        </div>
      )}
    </>
  );
}
