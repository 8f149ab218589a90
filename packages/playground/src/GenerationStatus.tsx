import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { rawClient } from './client'

/** Props of GenerationStatus. */
export interface GenerationStatusProps {
  generationId: string
}

/** A job's status from `GET /generations/{id}`, polled while it is still running. */
export function GenerationStatus({ generationId }: GenerationStatusProps): ReactNode {
  const generation = useQuery({
    queryKey: ['playground', 'generation', generationId],
    queryFn: async ({ signal }) => {
      const { data, error } = await rawClient.GET('/generations/{id}', {
        params: { path: { id: generationId } },
        signal,
      })
      if (error || !data) throw new Error(`GET /generations/${generationId} failed`)
      return data.generations_by_pk
    },
    refetchInterval: (query) => (query.state.data?.status === 'PENDING' ? 3000 : false),
  })
  const job = generation.data
  const images = job?.generated_images?.length ?? 0
  const text = generation.isError
    ? 'Status unavailable'
    : job === undefined
      ? 'Checking status…'
      : job === null
        ? 'Not found'
        : job.status === 'COMPLETE'
          ? `Complete, ${images} ${images === 1 ? 'image' : 'images'}`
          : job.status === 'FAILED'
            ? 'Failed'
            : 'Running…'
  return (
    <span className="playground__job-status" data-status={job?.status ?? 'unknown'}>
      {text}
    </span>
  )
}
