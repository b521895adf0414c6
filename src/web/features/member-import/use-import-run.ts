import { useCallback, useEffect, useRef, useState } from 'react';
import { type ImportRequest, type MemberImportReport, uploadImport } from '../../api/member-import.ts';

/** Where a run is: sending the file (with how much has gone), or waiting while the server reads it. */
export type RunPhase = { state: 'idle' } | { state: 'uploading'; percent: number } | { state: 'processing' };

/** One upload of the workbook (a dry run or the real import) with its progress, cancellable. */
export function useImportRun() {
  const [phase, setPhase] = useState<RunPhase>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops an upload still on its way.
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (request: ImportRequest): Promise<MemberImportReport> => {
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ state: 'uploading', percent: 0 });
    try {
      return await uploadImport(request, {
        signal: abort.signal,
        onProgress: ({ loaded, total }) =>
          setPhase({ state: 'uploading', percent: total > 0 ? Math.floor((loaded / total) * 100) : 0 }),
        onUploaded: () => setPhase({ state: 'processing' }),
      });
    } finally {
      controller.current = null;
      setPhase({ state: 'idle' });
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { phase, run, cancel, busy: phase.state !== 'idle' };
}
