import type { StatusCatalog } from './statusCatalog'

/** What follows from a catalog and a key alone, kept as long as the catalog is: at most `max` per
 * catalog, the oldest dropped first. */
export function keptPerCatalog<T>(max: number) {
  const kept = new WeakMap<StatusCatalog, Map<string, T>>()
  return {
    get: (catalog: StatusCatalog, key: string): T | undefined => kept.get(catalog)?.get(key),
    set(catalog: StatusCatalog, key: string, value: T): void {
      let values = kept.get(catalog)
      if (!values) kept.set(catalog, (values = new Map()))
      if (values.size >= max) values.delete(values.keys().next().value as string)
      values.set(key, value)
    },
  }
}
