import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the address (?zoneId=…&q=…), so a filtered list can be shared, survives
 * a reload, and the back button undoes a filter. Changing a filter goes back to the first page.
 */
/** `keys` must be a constant (module-level) list, or the filters are re-read on every render. */
export function useSearchFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = {} as Partial<Record<K, string>>;
    for (const key of keys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [params, keys]);
  const page = Math.max(1, Number(params.get('page')) || 1);

  const setFilters = useCallback(
    (next: Partial<Record<K, string | undefined>>) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        updated.delete('page');
        return updated;
      }),
    [setParams],
  );

  const setPage = useCallback(
    (next: number) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next > 1) updated.set('page', String(next));
        else updated.delete('page');
        return updated;
      }),
    [setParams],
  );

  return { values, page, setFilters, setPage };
}
