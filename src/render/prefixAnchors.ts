/**
 * The same HTML with every id and in-page link renamed by `prefix`: a second copy of a redline on
 * one page (the inline one a narrow screen shows in place of side by side) keeps its own anchors
 * and never takes the other copy's. Text never holds a raw `id="` or `href="#`: it is escaped.
 */
export function prefixAnchors(html: string, prefix: string): string {
  return html.replace(/\bid="/g, `id="${prefix}`).replace(/\bhref="#/g, `href="#${prefix}`)
}
