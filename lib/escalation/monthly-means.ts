/** Mean of a daily series per calendar month ("YYYY-MM"), in date order, with the number of days it averages. */
export function monthlyMeans(points: readonly { date: string; value: number }[]): { period: string; value: number; days: number }[] {
  const acc = new Map<string, { sum: number; days: number }>();
  for (const p of points) {
    const key = p.date.slice(0, 7);
    const a = acc.get(key) ?? { sum: 0, days: 0 };
    a.sum += p.value;
    a.days += 1;
    acc.set(key, a);
  }
  return [...acc.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, a]) => ({ period, value: a.sum / a.days, days: a.days }));
}
