import { useEffect, useMemo } from 'react';
import { mdfProofFiles } from '../../src-shared/mdf/mdfRules';
import { filesToCache } from '../../src-shared/resources/resourceRules';
import { useAllMdfDocs } from '../features/mdf/useMdfDocs';
import { useResources } from '../features/resources/useResources';
import { useSync } from '../sync/useSync';
import { requestFileSync } from './useFileCache';

/**
 * Keeps the laptop's file cache in step with the library and the proofs of MDF claims (a claim's
 * proof opens offline like a datasheet): whenever the synced resources or MDF documents change,
 * the network comes back, or an upload is queued, it uploads what waits and downloads every
 * current file the user can see that is not cached yet. Renders nothing.
 */
export function ResourceFileSync() {
  const { session } = useSync();
  const { resources } = useResources();
  const mdf = useAllMdfDocs();
  const wanted = useMemo(() => {
    const library = filesToCache(resources);
    const have = new Set(library.map((file) => file.sha256));
    return [...library, ...mdfProofFiles(mdf ?? []).filter((proof) => !have.has(proof.sha256))];
  }, [resources, mdf]);
  const serverUrl = session?.serverUrl;
  const token = session?.token;

  useEffect(() => {
    if (!serverUrl || !token) return;
    const run = () => void requestFileSync({ serverUrl, token }, wanted).catch((error: unknown) => console.error('Partner Desk: file cache sync failed', error));
    run();
    window.addEventListener('online', run);
    window.addEventListener('partner-desk:upload-queued', run);
    return () => {
      window.removeEventListener('online', run);
      window.removeEventListener('partner-desk:upload-queued', run);
    };
  }, [serverUrl, token, wanted]);

  return null;
}
