import { getJob, type JobState, type PaygClient } from '@payg-kit/core'
import { type QueryClient, queryOptions } from '@tanstack/react-query'
import { paygKeys } from './paygKeys'

/** Whether a job has finished: `COMPLETE` or `FAILED`. */
const settled = (job: JobState | null | undefined) =>
  job?.status === 'COMPLETE' || job?.status === 'FAILED'

/** How often a job is polled while it is not settled. */
export interface JobPolling {
  /** The first wait between polls, in ms. Default 1_000. */
  intervalMs?: number
  /** The longest wait, in ms: each poll that finds the job unsettled, or fails, doubles it up to this. Default 15_000. */
  maxIntervalMs?: number
}

/**
 * A generation job's status and cost (`GET /generations/{id}`), polled with backoff until it is
 * `COMPLETE` or `FAILED`, then kept. When it settles the balance and ledger are marked stale
 * (a failed job's charge is refunded) and the balance is read again.
 */
export function jobQueryOptions(
  client: PaygClient,
  queryClient: QueryClient,
  id: string,
  { intervalMs = 1_000, maxIntervalMs = 15_000 }: JobPolling = {},
) {
  const queryKey = paygKeys.job(client, id)
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<JobState | null>(queryKey)
      const job = await getJob(client, id, { signal })
      // Once per job, however many components watch it: the first read that finds it settled.
      if (settled(job) && !settled(before)) {
        void queryClient.invalidateQueries({ queryKey: paygKeys.balance(client) })
        void queryClient.invalidateQueries({
          queryKey: paygKeys.transactions(client),
          refetchType: 'none',
        })
      }
      return job
    },
    staleTime: (query) => (settled(query.state.data) ? Number.POSITIVE_INFINITY : 0),
    // Each poll that finds it unsettled, or fails, doubles the wait: 1 s, 2 s, 4 s... up to the cap.
    refetchInterval: (query) =>
      !settled(query.state.data) &&
      Math.min(
        intervalMs *
          2 ** Math.max(query.state.dataUpdateCount + query.state.errorUpdateCount - 1, 0),
        maxIntervalMs,
      ),
    // core already retries transient failures with backoff; a second layer would multiply them.
    retry: false,
  })
}
