/**
 * Origins as the main process compares them. `new URL(url).origin` is the string "null" for
 * schemes Node does not know as special (our app: scheme is one), so the origin is built from
 * protocol and host by hand. URLs without a host (file:, about:, data:, javascript:) have no
 * origin here and are never trusted.
 */
export const originOf = (url: string | undefined | null): string | null => {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:' || parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
};

/** True when `url` belongs to one of `allowedOrigins` (exact scheme, host and port). */
export const isAllowedOrigin = (url: string | undefined | null, allowedOrigins: readonly string[]): boolean => {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
};
