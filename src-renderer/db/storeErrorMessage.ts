/**
 * Turns a failure of the local store into a sentence a manager can act on. RxDB's production
 * build carries only error codes, so the common ones are spelled out here; the code stays in the
 * message for support.
 */
export function storeErrorMessage(error: unknown, action: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const name = error instanceof Error ? error.name : '';
  const raw = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(raw)) {
    return `Could not ${action}: this computer is out of storage space for Partner Desk. Free some disk space and try again; nothing was changed.`;
  }
  if (code === 'VD2' || /validation/i.test(raw)) {
    const field = validationField(error);
    return `Could not ${action}: the data is not valid${field ? ` (${field})` : ''}. Nothing was saved.`;
  }
  if (code === 'CONFLICT' || code === 'COL19') {
    return `Could not ${action}: the record was changed elsewhere at the same moment. Try again.`;
  }
  if (name === 'VersionError' || /blocked/i.test(raw)) {
    return `Could not ${action}: Partner Desk is open in another window with an older version. Close it and try again.`;
  }
  return `Could not ${action}: ${raw}${code ? ` (${code})` : ''}`;
}

function validationField(error: unknown): string {
  const parameters = (error as { parameters?: { errors?: { path?: string; message?: string }[] } }).parameters;
  const first = parameters?.errors?.[0];
  if (!first) return '';
  return [first.path, first.message].filter(Boolean).join(': ');
}
