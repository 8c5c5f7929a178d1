/**
 * Assent's mark, drawn once and used everywhere it appears: the admin's icon and logo, and the
 * favicon Assent serves itself (nothing is fetched from another host). A signed page: a folded
 * sheet with a tick.
 */
export const MARK = {
  viewBox: '0 0 64 64',
  colour: '#1d4ed8',
  /** The sheet, its folded corner cut away. */
  sheet: 'M14 6h26l12 12v36a4 4 0 0 1-4 4H14a4 4 0 0 1-4-4V10a4 4 0 0 1 4-4z',
  fold: 'M40 6v12h12',
  tick: 'M20 36l8 8 16-18',
} as const

/** The mark as a standalone SVG document (the favicon). */
export const markSvg = (): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${MARK.viewBox}">` +
  `<path d="${MARK.sheet}" fill="${MARK.colour}"/>` +
  `<path d="${MARK.fold}" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="3" stroke-linejoin="round"/>` +
  `<path d="${MARK.tick}" fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>` +
  `</svg>\n`
