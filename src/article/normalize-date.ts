/** "2017-10-04T09:30:00-04:00" → "2017-10-04"; anything unreadable → null. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const literal = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  if (literal) {
    const [, y, m, d] = literal;
    if (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31) return `${y}-${m}-${d}`;
    return null;
  }
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
