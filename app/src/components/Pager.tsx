"use client";

export const PAGE_SIZE = 25;

/** "Showing 26–50 of 1,000" with previous / next; nothing when everything fits on one page. */
export function Pager(props: { page: number; total: number; onPage: (page: number) => void; label: string }) {
  const { page, total, onPage, label } = props;
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const first = page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    <nav className="row" aria-label={`${label} pages`} data-testid="pager">
      <span className="muted" data-testid="pager-range">
        Showing {n(first)}–{n(last)} of {n(total)} · page {n(page + 1)} of {n(pages)}
      </span>
      <span className="buttons">
        <button type="button" className="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button type="button" className="secondary" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </span>
    </nav>
  );
}

/** `page` (0-based), clamped to the last page of `total` rows, so a shrinking list never shows an empty page. */
export function clampPage(page: number, total: number, size = PAGE_SIZE): number {
  return Math.min(page, Math.max(0, Math.ceil(total / size) - 1));
}
