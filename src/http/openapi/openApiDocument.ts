import { z } from 'zod'

import { errorCatalog, type ErrorCode } from '../../errors/catalog'
import { receiptSchema } from '../schemas/receipt'
import { operations, type Caller, type Operation } from './operations'

/** Assent's error body, for every 4xx and 5xx. */
const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(errorCatalog) as [ErrorCode, ...ErrorCode[]]).describe('Stable: integrations branch on it.'),
    message: z.string().describe('For people: what was wrong and how to fix it.'),
    fields: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional().describe('The offending fields, for validation errors.'),
  }),
})

const securitySchemes = {
  integrationKey: { type: 'http', scheme: 'bearer', description: 'An API key of the integration scope (npx assent apikey:create --scope integration).' },
  auditKey: { type: 'http', scheme: 'bearer', description: 'An API key of the audit scope.' },
  staffJwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'A staff login: "JWT <token>" from POST /api/users/login (or the admin cookie from its own origin).' },
}

const security: Record<Caller, Array<Record<string, string[]>>> = {
  public: [],
  integrationKey: [{ integrationKey: [] }],
  auditKey: [{ auditKey: [] }],
  auditor: [{ auditKey: [] }, { staffJwt: [] }],
  staff: [{ staffJwt: [] }],
  admin: [{ staffJwt: [] }],
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>

/** The query parameters of an export-style operation, from its object schema. */
function queryFromObject(schema: z.ZodType): Array<Record<string, unknown>> {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, Record<string, unknown>>
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }))
}

function parameters(op: Operation): Array<Record<string, unknown>> {
  const path = Object.entries(op.path_params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, description: schema.description, schema: jsonSchema(schema) }))
  const query = Object.entries(op.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: !schema.safeParse(undefined).success, description: schema.description, schema: jsonSchema(schema) }))
  return [...path, ...query, ...(op.querySchema ? queryFromObject(op.querySchema) : [])]
}

function responses(op: Operation): Record<string, unknown> {
  const type = op.success.type ?? 'application/json'
  const out: Record<string, unknown> = {
    [op.success.status]: { description: op.success.description, content: { [type]: op.success.example === undefined ? {} : { example: op.success.example } } },
  }
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of op.errors) byStatus.set(errorCatalog[code], [...(byStatus.get(errorCatalog[code]) ?? []), code])
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[status] = {
      description: codes.join(', '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples: Object.fromEntries(codes.map((code) => [code, { value: { error: { code, message: `(${code}) what was wrong and how to fix it` } } }])) } },
    }
  }
  return out
}

/** The OpenAPI 3.1 document of `/api/v1`, built from the schemas that check each request. */
export function openApiDocument(publicUrl: string, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    paths[op.path] ??= {}
    paths[op.path][op.method] = {
      operationId: `${op.method}${op.path.replace(/^\/api\/v1/, '').replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      summary: op.summary,
      tags: [op.tag],
      security: security[op.caller],
      parameters: parameters(op),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body), example: op.bodyExample } } } } : {}),
      responses: responses(op),
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Assent API', version, description: 'Versioned legal documents, acceptances and a tamper-evident ledger. Errors are always { "error": { "code", "message" } }; codes never change meaning.' },
    servers: [{ url: publicUrl }],
    tags: ['Policies', 'Publishing', 'Login flow', 'Ledger', 'Audit', 'Reference'].map((name) => ({ name })),
    paths,
    components: { securitySchemes, schemas: { Error: jsonSchema(errorBody), Receipt: jsonSchema(receiptSchema) } },
  }
}
