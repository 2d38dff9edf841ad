/** Documents grouped by their partner, in input order within each group. */
export function groupByPartner<T extends { partnerId: string }>(docs: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const doc of docs) {
    const list = grouped.get(doc.partnerId);
    if (list) list.push(doc);
    else grouped.set(doc.partnerId, [doc]);
  }
  return grouped;
}
