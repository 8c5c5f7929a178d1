import type { Access } from 'payload'

/** Closed to every caller through REST, GraphQL and the admin; only trusted server code
 * (Local API with overrideAccess) gets past, and collection hooks still guard that path. */
export const nobody: Access = () => false
