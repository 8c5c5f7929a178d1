import { Marked, type Token, type Tokens } from 'marked'
import sanitizeHtml from 'sanitize-html'

import { withoutFrontMatter } from './frontMatter'
import { headingSlugger } from './headingSlug'

/** A heading token with the anchor `renderHtml` gave it. */
type AnchoredHeading = Tokens.Heading & { anchor?: string }

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    heading(token: AnchoredHeading) {
      const id = token.anchor ? ` id="${token.anchor}"` : ''
      return `<h${token.depth}${id}>${this.parser.parseInline(token.tokens)}</h${token.depth}>\n`
    },
  },
})

/** What a version body may contain once rendered: document structure, links and heading
 * anchors, no scripts, no event handlers, no styles, no `javascript:` or `data:` URLs. The
 * document's own strikethrough and underline become `<s>` and `<u>`, so that in a redline
 * `<del>` and `<ins>` only ever mark what changed. */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'], ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`h${n}`, ['id']])) },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }), del: 's', ins: 'u', strike: 's' },
}

/** The plain text of inline tokens, as a heading's anchor is made from. */
const inlineText = (tokens: Token[] | undefined): string =>
  (tokens ?? []).map((t) => ('tokens' in t && t.tokens ? inlineText(t.tokens) : t.type === 'text' || t.type === 'codespan' || t.type === 'escape' ? t.text : '')).join('')

/** The blocks of a Markdown text, headings anchored in reading order. Only blocks can hold a
 * heading: lists and quotes are looked into, text is not. */
function anchoredTokens(markdown: string): Token[] {
  const tokens = marked.lexer(withoutFrontMatter(markdown))
  const slug = headingSlugger()
  const walk = (blocks: Token[]) => {
    for (const token of blocks) {
      if (token.type === 'heading') (token as AnchoredHeading).anchor = slug(inlineText((token as Tokens.Heading).tokens)) || undefined
      else if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens)
      else if (token.type === 'blockquote') walk((token as Tokens.Blockquote).tokens)
    }
  }
  walk(tokens)
  return tokens
}

/** Markdown to the sanitized HTML the public reads: front matter left out, HTML comments and
 * raw HTML sanitized away, headings anchored as GitHub anchors them. */
export function renderHtml(markdown: string): string {
  return sanitizeHtml(marked.parser(anchoredTokens(markdown)), allowed)
}
