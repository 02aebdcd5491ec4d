import type { components } from './schema'

export type ProblemBody = components['schemas']['Problem']

/**
 * An RFC 9457 problem answered by the API (every 4xx/5xx is one), or a network failure (status 0). Components show
 * `detail` to people and look up `fieldErrors` to put each message next to its field.
 */
export class ApiProblem extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string | null
  readonly fieldErrors: Record<string, string>

  constructor(status: number, body: ProblemBody | undefined) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`)
    this.status = status
    this.type = body?.type ?? 'about:blank'
    this.title = body?.title ?? `HTTP ${status}`
    this.detail = body?.detail ?? null
    this.fieldErrors = Object.fromEntries((body?.errors ?? []).map((e) => [e.field, e.message]))
  }

  /** The problem type's last path segment, e.g. "validation-failed". */
  get kind(): string {
    return this.type.substring(this.type.lastIndexOf('/') + 1)
  }

  static network(cause: unknown): ApiProblem {
    const problem = new ApiProblem(0, { type: 'about:blank', title: 'Network error', status: 0, detail: 'Parley could not be reached. Check your connection and try again.' })
    problem.cause = cause
    return problem
  }
}

/**
 * Unwraps an openapi-fetch result: the data, or throws the problem. Use with every call so that callers (React
 * Query) see one error type.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await call
  } catch (e) {
    throw ApiProblem.network(e)
  }
  if (!result.response.ok) {
    throw new ApiProblem(result.response.status, result.error as ProblemBody | undefined)
  }
  return result.data as T
}
