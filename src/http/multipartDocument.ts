import { AssentError } from '../errors/AssentError'

/** Whether a content type is the multipart form the admin sends documents in. */
export const isMultipart = (contentType: string | undefined): boolean => (contentType ?? '').toLowerCase().startsWith('multipart/form-data')

/**
 * The document of a multipart body, as the JSON bytes Payload would read from it (its `_payload`
 * field; empty where there is none). Payload is then handed this JSON instead of the form, so
 * what Assent checks (depth, NUL, shape) is exactly what Payload reads: two multipart parsers
 * could disagree on where a field ends. Assent takes no uploads, so a file part is refused.
 */
export async function multipartDocument(contentType: string, body: Buffer): Promise<Buffer> {
  if (body.length === 0) return body
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw new AssentError('bad_request', 'The multipart body does not match its boundary.')
  }
  const values = [...form.values()]
  if (values.some((value) => typeof value !== 'string')) throw new AssentError('bad_request', 'Assent takes no file uploads: send the document alone.')
  const documents = form.getAll('_payload') as string[]
  if (documents.length > 1) throw new AssentError('bad_request', 'Send one _payload field, the document as JSON.')
  return Buffer.from(documents[0] ?? '', 'utf8')
}
