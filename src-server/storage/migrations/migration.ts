/** A schema migration; `id` starts with its UTC timestamp (`YYYYMMDDTHHMM_name`) and orders them. */
export type Migration = {
  id: string;
  statements: readonly string[];
};
