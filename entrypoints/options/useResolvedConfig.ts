import { useEffect, useState } from 'preact/hooks';
import { loadResolvedConfig, onResolvedConfigChanged } from '@/lib/config/effective-config';
import type { ResolvedConfig } from '@/lib/config/resolve';

/** The resolved configuration, kept current as policy or saved settings change. */
export function useResolvedConfig(): ResolvedConfig | undefined {
  const [resolved, setResolved] = useState<ResolvedConfig>();
  useEffect(() => {
    let live = true;
    // Subscribe before the first read so a change in between is not missed.
    const stop = onResolvedConfigChanged((next) => live && setResolved(next));
    void loadResolvedConfig().then((first) => live && setResolved((current) => current ?? first));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return resolved;
}
