// Node flags every Assent process runs with.
// - tsx runs the TypeScript sources directly.
// - `--conditions=production` makes Lexical (the rich-text editor's engine) load its plain
//   production modules: its default Node entry points import themselves with top-level await, and
//   on Node 20 a graph of those sometimes never settles (the process exits 13 or hangs at start).
export const nodeFlags = ['--conditions=production', '--import', 'tsx']

/** The same for child processes started through npx (NODE_OPTIONS accepts --conditions). */
export const nodeOptions = [process.env.NODE_OPTIONS, '--conditions=production'].filter(Boolean).join(' ')
