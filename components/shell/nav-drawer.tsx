'use client';

import { Menu, X } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

interface NavDrawerProps {
  openLabel: string;
  closeLabel: string;
  children: ReactNode;
}

/** The navigation: a fixed sidebar on wide screens, a drawer behind a menu button on phones. */
export function NavDrawer({ openLabel, closeLabel, children }: NavDrawerProps) {
  const pathname = usePathname();
  // Remember where the drawer was opened: navigating elsewhere closes it without an effect.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const open = openedOn === pathname;
  const setOpen = (value: boolean) => setOpenedOn(value ? pathname : null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpenedOn(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 lg:hidden"
        aria-expanded={open}
        aria-controls="app-nav"
        aria-label={open ? closeLabel : openLabel}
        onClick={() => setOpen(!open)}
      >
        {open ? <X className="size-5" aria-hidden="true" /> : <Menu className="size-5" aria-hidden="true" />}
      </button>
      {open && (
        <div className="fixed inset-0 top-14 z-30 bg-slate-900/30 lg:hidden" aria-hidden="true" onClick={() => setOpen(false)} />
      )}
      <div
        id="app-nav"
        className={`fixed top-14 bottom-0 left-0 z-40 w-72 max-w-[85vw] overflow-y-auto border-r border-slate-200 bg-white transition-transform lg:translate-x-0 ${open ? 'translate-x-0' : '-translate-x-full'}`}
      >
        {children}
      </div>
    </>
  );
}
