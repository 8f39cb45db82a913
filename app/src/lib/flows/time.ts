/** "3 days ago", "in 2 hours", "just now": `seconds` relative to `now` (chain time), in the reader's locale. */
export function relativeTime(seconds: number, now: number): string {
  const diff = seconds - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  if (abs < 60) return "just now";
  if (abs < 3_600) return rtf.format(Math.round(diff / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(diff / 3_600), "hour");
  if (abs < 30 * 86_400) return rtf.format(Math.round(diff / 86_400), "day");
  if (abs < 365 * 86_400) return rtf.format(Math.round(diff / (30 * 86_400)), "month");
  return rtf.format(Math.round(diff / (365 * 86_400)), "year");
}
