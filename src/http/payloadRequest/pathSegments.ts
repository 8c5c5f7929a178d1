const safeDecode = (part: string) => {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** The segments of a URL path, each percent-decoded (left as sent where the encoding is malformed). */
export const pathSegments = (path: string): string[] => path.split('/').slice(1).map(safeDecode)
