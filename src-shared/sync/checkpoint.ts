/**
 * The replication checkpoint. The server assigns every change a sequence number (`seq`) from one
 * counter that is incremented inside the writing transaction while writers are serialised, so
 * `seq` order is commit order. A client stores the checkpoint of the last document it received
 * and asks for everything after it. `epoch` identifies the server database: a checkpoint from
 * another epoch (the server's data was recreated) is treated as "from the beginning".
 *
 * On the wire (the `checkpoint` query parameter) a checkpoint is `<epoch>.<seq>`, e.g.
 * `k3j9x0a1b2c4.1742`; an empty or absent parameter means "from the beginning".
 */
export type SyncCheckpoint = {
  epoch: string;
  seq: number;
};

const EPOCH_PATTERN = /^[a-z0-9]{1,32}$/;
const SEQ_PATTERN = /^(0|[1-9]\d{0,14})$/;

/** The query-parameter form of a checkpoint; '' for "from the beginning". */
export function formatCheckpoint(checkpoint: SyncCheckpoint | null | undefined): string {
  if (!checkpoint) return '';
  return `${checkpoint.epoch}.${checkpoint.seq}`;
}

export type ParsedCheckpoint = { ok: true; checkpoint: SyncCheckpoint | null } | { ok: false; message: string };

/** Parses the query-parameter form; `null` checkpoint means "from the beginning". */
export function parseCheckpoint(param: string | undefined | null): ParsedCheckpoint {
  if (param === undefined || param === null || param === '') return { ok: true, checkpoint: null };
  const dot = param.indexOf('.');
  if (dot <= 0 || param.length > 64) return { ok: false, message: 'checkpoint must look like <epoch>.<seq>' };
  const epoch = param.slice(0, dot);
  const seqText = param.slice(dot + 1);
  if (!EPOCH_PATTERN.test(epoch)) return { ok: false, message: 'checkpoint epoch must be 1-32 lowercase letters or digits' };
  if (!SEQ_PATTERN.test(seqText)) return { ok: false, message: 'checkpoint seq must be a non-negative integer' };
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq)) return { ok: false, message: 'checkpoint seq is too large' };
  return { ok: true, checkpoint: { epoch, seq } };
}

/** True when `value` is a well-formed checkpoint object (e.g. one restored from client storage). */
export function isSyncCheckpoint(value: unknown): value is SyncCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.epoch === 'string' &&
    EPOCH_PATTERN.test(candidate.epoch) &&
    typeof candidate.seq === 'number' &&
    Number.isSafeInteger(candidate.seq) &&
    candidate.seq >= 0
  );
}
