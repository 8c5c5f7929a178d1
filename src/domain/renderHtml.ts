import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

const marked = new Marked({ gfm: true, async: false })

/** What a version body may contain once rendered: document structure and links, no scripts,
 * no event handlers, no styles, no `javascript:` or `data:` URLs. */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
}

/** Markdown to the sanitized HTML the public reads. Raw HTML in the Markdown is sanitized too. */
export function renderHtml(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, {
    ...allowed,
    allowedAttributes: { ...allowed.allowedAttributes, a: ['href', 'title', 'rel'] },
  })
}
