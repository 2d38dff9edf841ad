import type { FileKind, OpenedTextFile, Platform } from './platform';

const MAX_OPEN_BYTES = 50 * 1024 * 1024;

/** The Platform for a plain browser: downloads for saving, a file input for opening. */
export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    appVersion: async () => import.meta.env.VITE_APP_VERSION ?? 'web',
    openExternal: async (url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'mailto:') return;
      window.open(parsed.href, '_blank', 'noopener,noreferrer');
    },
    saveTextFile: async ({ suggestedName, content, kind }) => {
      const blob = new Blob([content], { type: `${kind.mimeType};charset=utf-8` });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, location: suggestedName };
    },
    openTextFile: (kind) => pickFile(kind),
    onMenuCommand: () => () => undefined,
  };
}

function pickFile(kind: FileKind): Promise<OpenedTextFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = [...kind.extensions.map((ext) => `.${ext}`), kind.mimeType].join(',');
    input.style.display = 'none';
    const cleanup = () => input.remove();
    input.addEventListener('cancel', () => {
      cleanup();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      cleanup();
      if (!file) return resolve(null);
      if (file.size > MAX_OPEN_BYTES) {
        return reject(new Error(`“${file.name}” is larger than 50 MB; split it into smaller files.`));
      }
      file.text().then((content) => resolve({ name: file.name, content }), reject);
    });
    document.body.append(input);
    input.click();
  });
}
