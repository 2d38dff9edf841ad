import type { Session } from 'electron';
import { isAllowedOrigin } from './origins';

/** The only web permissions the renderer is ever granted; everything else (camera, geolocation, …) is denied. */
export const GRANTED_PERMISSIONS = ['notifications', 'clipboard-sanitized-write'] as const;

export const isPermissionGranted = (
  permission: string,
  requestingUrl: string | undefined,
  allowedOrigins: readonly string[],
): boolean =>
  (GRANTED_PERMISSIONS as readonly string[]).includes(permission) && isAllowedOrigin(requestingUrl, allowedOrigins);

/** Installs the request (async prompts) and check (sync queries) handlers on a session. */
export const installPermissionHandlers = (session: Session, allowedOrigins: readonly string[]): void => {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, allowedOrigins));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, allowedOrigins),
  );
};
