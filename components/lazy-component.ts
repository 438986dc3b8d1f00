import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is fetched the first time it is drawn, so a look-up never downloads what
 * only a click or an opened row needs. Until the code is there (or if it cannot be fetched) the
 * placeholder is drawn with the same props; once fetched, every later use draws at once.
 * @param load - the dynamic import that resolves to the real component
 * @param Placeholder - what to draw meanwhile; it must be safe and complete enough to read
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, Placeholder: ComponentType<P>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch (an update replaced the chunk) is tried again the next time it is drawn.
        pending = undefined;
        throw error;
      },
    ));
  return function Lazy(props: P) {
    const [, setReady] = useState(loaded !== undefined);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      fetchOnce().then(() => live && setReady(true), () => undefined);
      return () => {
        live = false;
      };
    }, []);
    return loaded ? h(loaded, props) : h(Placeholder, props);
  };
}
