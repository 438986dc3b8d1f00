/** How two layers and the built-in defaults combine: lists by id, single values by the highest layer. */
import type { ConfigProblem, Origin } from './model';

type Item = { readonly id: string };

/** Managed items first, then the user's (if allowed, and never replacing a managed id), then defaults when policy set none. */
export function mergeList<T extends Item>(key: 'sources' | 'contextRules', managed: readonly T[] | undefined, user: readonly T[] | undefined, defaults: readonly T[], userMay: boolean, problems: ConfigProblem[]) {
  const origins: Record<string, Origin> = {};
  const out: T[] = [];
  const add = (items: readonly T[], origin: Origin) => {
    for (const item of items) {
      if (origins[item.id]) {
        problems.push({ origin: 'user', path: key, message: `"${item.id}" is already set by your organisation`, skipped: `your ${item.id}` });
        continue;
      }
      origins[item.id] = origin;
      out.push(item);
    }
  };
  if (managed) add(managed, 'managed');
  if (user?.length && !userMay) problems.push({ origin: 'user', path: key, message: 'your organisation does not allow adding your own here', skipped: `your ${key}` });
  if (user && userMay) add(user, 'user');
  if (!managed) add(defaults.filter((d) => !origins[d.id]), 'default');
  return { list: out, origins };
}

/** The value of the highest layer that sets it, and which layer that was. */
export function pick<T>(managed: T | undefined, user: T | undefined, fallback: T | undefined): [T | undefined, Origin] {
  if (managed !== undefined) return [managed, 'managed'];
  if (user !== undefined) return [user, 'user'];
  return [fallback, 'default'];
}

