/** A user's picture, or the last character of their name (how Chinese workplaces show initials). */
export function Avatar({ name, url, size = 'size-8' }: { name: string; url?: string | null; size?: string }) {
  if (url) {
    // eslint-disable-next-line @next/next/no-img-element -- served by the app with its own caching; next/image would re-encode them
    return <img src={url} alt="" className={`${size} rounded-full object-cover`} />;
  }
  const initial = Array.from(name.trim()).at(/[\u4e00-\u9fff]/.test(name) ? -1 : 0) ?? '?';
  return (
    <span aria-hidden="true" className={`${size} inline-flex items-center justify-center rounded-full bg-brand-600 text-sm font-medium text-white`}>
      {initial.toUpperCase()}
    </span>
  );
}
