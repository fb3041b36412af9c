/**
 * `/openapi.json` from the routes as registered: each route's Fastify schema (the one that
 * validates its requests) becomes its OpenAPI operation.
 */
export interface RouteSchema {
  summary?: string
  params?: { properties?: Record<string, object>; required?: readonly string[] }
  querystring?: { properties?: Record<string, object>; required?: readonly string[] }
  body?: object
  response?: Record<number, object>
}

export interface RegisteredRoute {
  method: string
  url: string
  schema: RouteSchema
  /** Needs the API key. */
  write: boolean
}

const problemResponse = { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }

function parameters(schema: RouteSchema): object[] {
  const out: object[] = []
  for (const [where, part] of [['path', schema.params], ['query', schema.querystring]] as const) {
    for (const [name, s] of Object.entries(part?.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (part?.required ?? []).includes(name), schema: s })
    }
  }
  return out
}

function operation(route: RegisteredRoute): object {
  const responses: Record<string, object> = { default: problemResponse }
  for (const [status, schema] of Object.entries(route.schema.response ?? { 200: {} })) {
    responses[status] = { description: 'OK', content: { 'application/json': { schema } } }
  }
  return {
    summary: route.schema.summary,
    operationId: `${route.method.toLowerCase()}${route.url.replace(/[^A-Za-z0-9]+/g, '_')}`,
    parameters: parameters(route.schema),
    ...(route.schema.body ? {
      requestBody: { required: true, content: { 'application/json': { schema: route.schema.body }, 'application/x-ndjson': { schema: { type: 'string' } } } },
    } : {}),
    ...(route.write ? { security: [{ apiKey: [] }] } : {}),
    responses,
  }
}

/** The OpenAPI 3.1 document for the registered routes. */
export function openApiDocument(routes: readonly RegisteredRoute[], { version = '0.0.0', problem = {} as object } = {}): object {
  const paths: Record<string, Record<string, object>> = {}
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}')
    ;(paths[path] ??= {})[route.method.toLowerCase()] = operation(route)
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parallax library API', version },
    paths,
    components: {
      schemas: { Problem: problem },
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
    },
  }
}
