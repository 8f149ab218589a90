import { callOperation } from './callOperation'
import { configOf } from './clientConfig'
import {
  type Decoder,
  fail,
  flag,
  jobCost,
  list,
  name,
  nullable,
  optional,
  shape,
  text,
} from './decode'
import type { paths } from './generated/payg'
import type {
  CreatedJob,
  JobPath,
  JobRequest,
  JobState,
  JobStatus,
  PaygClient,
  PaygTransport,
  RequestOptions,
} from './types'

/** The answer of a job-starting POST: the job object (its one object field), its id and cost. */
const createdJob: Decoder<CreatedJob> = (v, at) => {
  const body = shape({})(v, at) as Record<string, unknown>
  const kind = Object.keys(body).find((k) => typeof body[k] === 'object' && body[k] !== null)
  if (kind === undefined || Array.isArray(body[kind]))
    return fail(at, 'an object holding the job', v)
  const job = body[kind] as Record<string, unknown>
  // Its id: generationId, id, or a field named like customModelId or userLoraId (a number in
  // Leonardo's SDK, read as its digits); null for jobs without one.
  const id = ['generationId', 'id', ...Object.keys(job)]
    .filter((k) => /(?:^i|I)d$/.test(k))
    .map((k) => job[k])
    .find((value) => typeof value === 'string' || Number.isSafeInteger(value))
  return {
    id: id === undefined ? null : String(id),
    status: 'PENDING',
    cost: jobCost(job, kind),
    kind: kind as never,
    job: job as never,
  }
}

const generation = shape({
  id: nullable(text),
  // The SDK lets `status` be absent: such a generation is not settled yet.
  status: optional(name<JobStatus>, 'PENDING' as const),
  generated_images: optional(
    list(shape({ id: nullable(text), url: nullable(text), nsfw: optional(flag, false) })),
    [],
  ),
})

const jobState = shape({
  generations_by_pk: nullable((v, at) => {
    const g = generation(v, at)
    return { id: g.id, status: g.status, cost: jobCost(v, at), images: g.generated_images }
  }),
})

/**
 * Starts a job of any cost-carrying endpoint of the spec (`POST path`, e.g. `/generations`,
 * `/variations/upscale`), typed from the path, and reads the job's id and exact cost from the
 * answer's job object. Sent once, never retried: it charges. Opt-in, so apps that only read
 * the balance don't ship it.
 * @example const { id, cost } = await createJob(payg, '/variations/upscale', { id: imageId })
 */
export async function createJob<P extends JobPath>(
  client: PaygClient | PaygTransport,
  path: P,
  body: JobRequest<P>,
  options?: RequestOptions,
): Promise<CreatedJob<P>> {
  configOf(client, 'createJob')
  const job = await callOperation(client as PaygTransport, 'POST', path, createdJob, options, body)
  return job as unknown as CreatedJob<P>
}

/**
 * A generation job's status, cost and images (`GET /generations/{id}`): `PENDING`, then
 * `COMPLETE` or `FAILED`. Null when the API knows no such generation.
 * @example const job = await getJob(payg, created.id)
 */
export async function getJob(
  client: PaygClient | PaygTransport,
  id: string,
  options?: RequestOptions,
): Promise<JobState | null> {
  configOf(client, 'getJob')
  const path = `/generations/${encodeURIComponent(id)}` as keyof paths
  const { generations_by_pk: job } = await callOperation(
    client as PaygTransport,
    'GET',
    path,
    jobState,
    options,
  )
  return job && { ...job, id: job.id ?? id }
}
