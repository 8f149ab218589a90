import { usePaygMessages } from '@payg-kit/react'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { rawClient } from './client'
import { completeText, generationText } from './generationMessages'

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
  const { locale } = usePaygMessages()
  const strings = generationText(locale)
  const text = generation.isError
    ? strings.statusUnavailable
    : job === undefined
      ? strings.checking
      : job === null
        ? strings.notFound
        : job.status === 'COMPLETE'
          ? completeText(strings, locale, images)
          : job.status === 'FAILED'
            ? strings.jobFailed
            : strings.running
  return (
    <span className="playground__job-status" data-status={job?.status ?? 'unknown'}>
      {text}
    </span>
  )
}
