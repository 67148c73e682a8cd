/** The product mark: two overlapping squares, two departments working as one. */
export function BrandMark({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect x="3" y="3" width="18" height="18" rx="4" fill="#1d4ed8" />
      <rect x="11" y="11" width="18" height="18" rx="4" fill="#60a5fa" fillOpacity="0.85" />
    </svg>
  );
}
