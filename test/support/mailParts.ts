/** The parts of a received message (text and HTML), decoded from quoted-printable or base64 into
 * UTF-8 text, and its subject line decoded from RFC 2047 words. */
export function mailParts(raw: string): { subject: string; text: string; html: string } {
  const part = (type: string) => {
    const found = raw.split(/\r\n--/).find((p) => new RegExp(`Content-Type: ${type}`, 'i').test(p))!
    const body = found.slice(found.indexOf('\r\n\r\n') + 4)
    if (/Content-Transfer-Encoding: base64/i.test(found)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n')
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n')
  }
  const header = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ')
  const subjectLine = header.match(/^Subject: (.*)$/im)?.[1] ?? ''
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('latin1')
        : text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    )
  return { subject: Buffer.from(subject, 'latin1').toString('utf8'), text: part('text/plain'), html: part('text/html') }
}
