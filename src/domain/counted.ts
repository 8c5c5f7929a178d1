/**
 * A count with its noun, singular for exactly one: `counted(1, 'checkpoint')` is "1 checkpoint",
 * `counted(3, 'entry', 'entries')` "3 entries". Numbers are grouped as in English ("1,204").
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`
}
