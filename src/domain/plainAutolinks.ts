/** A node of a serialized Lexical document, as far as this rule needs to know it. */
interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

/**
 * The document with every autolink replaced by its text. The admin's editor turns addresses and
 * URLs it recognises into autolinks as soon as a document is opened; they are presentation, not
 * something an editor wrote. Left in, they would export as `[a@b.c](mailto:a@b.c)` and show in the
 * redline, and in the frozen text, as changes nobody made.
 */
export function plainAutolinks<T extends { root: LexicalNode }>(state: T): T {
  const unwrap = (nodes: LexicalNode[]): LexicalNode[] =>
    nodes.flatMap((node) => {
      const children = node.children && unwrap(node.children)
      if (node.type === 'autolink') return children ?? []
      return [children ? { ...node, children } : node]
    })
  return { ...state, root: { ...state.root, children: unwrap(state.root.children ?? []) } }
}
