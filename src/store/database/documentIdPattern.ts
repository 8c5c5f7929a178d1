import { databaseKind } from './databaseKind'

/** What a document id looks like on the database of `databaseUrl`: a whole number on SQL
 * databases, an ObjectId on MongoDB. */
export const documentIdPattern = (databaseUrl: string): RegExp =>
  databaseKind(databaseUrl) === 'mongodb' ? /^[0-9a-f]{24}$/ : /^[1-9][0-9]{0,14}$/
