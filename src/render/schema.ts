/** Where the report's JSON Schema lives (schema/report.schema.json, shipped with the package). */
import { fileURLToPath } from 'node:url'

/** Absolute path of `schema/report.schema.json` (draft 2020-12), for validators and tests. */
export const reportSchemaPath: string = fileURLToPath(new URL('../../schema/report.schema.json', import.meta.url))
