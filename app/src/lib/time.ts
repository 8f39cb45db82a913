const DAY = 86_400;

/** "12 Mar 2027" in the reader's locale. */
export function formatDate(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
  });
}

/** "in 12 days", "3 days ago", "today", relative to `now` (seconds). */
export function relativeDays(seconds: bigint | number, now: number = Date.now() / 1000): string {
  const days = Math.round((Number(seconds) - now) / DAY);
  if (days === 0) return "today";
  return new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(days, "day");
}

/** "3 days late" / "due in 12 days" for a due date. */
export function dueLabel(dueSeconds: bigint | number, now: number = Date.now() / 1000): string {
  const days = Math.floor((Number(dueSeconds) - now) / DAY);
  if (days < 0) return `${-days} day${days === -1 ? "" : "s"} late`;
  if (days === 0) return "due today";
  return `due in ${days} day${days === 1 ? "" : "s"}`;
}

/** Seconds since the epoch at local midnight ending the given yyyy-mm-dd date input. */
export function dateInputToSeconds(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = new Date(`${value}T23:59:59`).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
