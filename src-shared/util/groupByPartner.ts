/**
 * Documents grouped by their partner, in input order within each group.
 *
 * With `previous` (the grouping of an earlier version of the same list), a partner whose
 * documents are the very same objects in the same order keeps its previous array, so whatever
 * is computed per partner can be reused when one document of another partner changes. (The live
 * store hands out the same object for an unchanged document.)
 */
export function groupByPartner<T extends { partnerId: string }>(docs: readonly T[], previous?: ReadonlyMap<string, readonly T[]>): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const doc of docs) {
    const list = grouped.get(doc.partnerId);
    if (list) list.push(doc);
    else grouped.set(doc.partnerId, [doc]);
  }
  if (previous) {
    for (const [partnerId, list] of grouped) {
      const before = previous.get(partnerId);
      if (before && before.length === list.length && before.every((doc, i) => doc === list[i])) grouped.set(partnerId, before as T[]);
    }
  }
  return grouped;
}
