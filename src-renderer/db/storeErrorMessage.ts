/** The part of RxDB's storage write error we read (RxDB 17: status 409 conflict, 422 invalid). */
type WriteError = { status?: number; validationErrors?: { path?: string; message?: string }[] };

/**
 * RxDB reports a refused bulk write either as the raw write error (`isError`, `status`) or as an
 * RxError carrying it in `parameters.writeError`.
 */
function writeErrorOf(error: unknown): WriteError | null {
  if (typeof error !== 'object' || error === null) return null;
  const wrapped = (error as { parameters?: { writeError?: WriteError } }).parameters?.writeError;
  if (wrapped) return wrapped;
  const raw = error as { isError?: unknown; status?: unknown };
  return raw.isError === true && typeof raw.status === 'number' ? (error as WriteError) : null;
}

function validationField(error: unknown): string {
  const parameters = (error as { parameters?: { errors?: { path?: string; message?: string }[] } }).parameters;
  const first = parameters?.errors?.[0] ?? writeErrorOf(error)?.validationErrors?.[0];
  if (!first) return '';
  const path = first.path?.replace(/^#?\//, '').replace(/\//g, '.');
  return [path, first.message].filter(Boolean).join(': ');
}

/**
 * Turns a failure of the local store into a sentence a manager can act on. RxDB's production
 * build carries only error codes, so the common ones are spelled out here; the code stays in the
 * message for support.
 */
export function storeErrorMessage(error: unknown, action: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const name = error instanceof Error ? error.name : '';
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const status = writeErrorOf(error)?.status;
  if (name === 'QuotaExceededError' || /quota/i.test(raw)) {
    return `Could not ${action}: this computer is out of storage space for Partner Desk. Free some disk space and try again; nothing was changed.`;
  }
  if (code === 'VD2' || status === 422 || /validation/i.test(raw)) {
    const field = validationField(error);
    return `Could not ${action}: the data is not valid${field ? ` (${field})` : ''}. Nothing was saved.`;
  }
  if (code === 'CONFLICT' || code === 'COL19' || status === 409) {
    return `Could not ${action}: the record was changed elsewhere at the same moment. Try again.`;
  }
  if (name === 'VersionError' || /blocked/i.test(raw)) {
    return `Could not ${action}: Partner Desk is open in another window with an older version. Close it and try again.`;
  }
  return `Could not ${action}: ${raw || 'the local store refused the change'}${code ? ` (${code})` : ''}`;
}
