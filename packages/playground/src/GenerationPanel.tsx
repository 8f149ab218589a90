import { type GenerationJob, InsufficientBalanceError } from '@payg-kit/core'
import { paygKeys, useCreateGeneration, usePaygMessages } from '@payg-kit/react'
import { CostTag } from '@payg-kit/ui'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react'
import { client } from './client'
import { GenerationStatus } from './GenerationStatus'
import { generationText } from './generationMessages'
import { fill } from './overviewMessages'

// A few of Leonardo's platform models (their real ids), the cheaper ones first.
const MODELS = [
  { id: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', name: 'Leonardo Lightning XL' },
  { id: '1dd50843-d653-4516-a8e3-f0238ee453ff', name: 'FLUX.1 Schnell' },
  { id: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', name: 'Leonardo Phoenix 1.0' },
] as const
const IMAGE_COUNTS = [1, 2, 4] as const

interface Job extends GenerationJob {
  prompt: string
}

/** "Try a generation": runs `POST /generations` and lists each job with what it cost. */
export function GenerationPanel(): ReactNode {
  const id = useId()
  const generate = useCreateGeneration()
  const queryClient = useQueryClient()
  const promptRef = useRef<HTMLTextAreaElement>(null)
  const text = generationText(usePaygMessages().locale)
  // Untouched, the prompt is the example in the page's language.
  const [typed, setPrompt] = useState<string | null>(null)
  const prompt = typed ?? text.defaultPrompt
  const [modelId, setModelId] = useState<string>(MODELS[0].id)
  const [numImages, setNumImages] = useState(1)
  const [attempted, setAttempted] = useState(false)
  const [jobs, setJobs] = useState<Job[]>([])

  const promptError = attempted && prompt.trim() === '' ? text.enterPrompt : ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setAttempted(true)
    const trimmed = prompt.trim()
    if (trimmed === '') {
      promptRef.current?.focus()
      return
    }
    if (generate.isPending) return
    generate.mutate(
      { prompt: trimmed, modelId, num_images: numImages, width: 1024, height: 1024 },
      {
        onSuccess: (job) => {
          setJobs((current) => [{ ...job, prompt: trimmed }, ...current])
          // Live, the header shows `GET /me`'s balance: fetch it again after a charge.
          void queryClient.invalidateQueries({ queryKey: paygKeys.account(client) })
        },
      },
    )
  }

  const error = generate.error
  const refusal =
    error instanceof InsufficientBalanceError
      ? text.refused
      : error
        ? fill(text.failed, { message: error.message })
        : ''

  return (
    <section className="payg-card playground__generate" aria-labelledby={`${id}-title`}>
      <h2 className="payg-heading" id={`${id}-title`}>
        {text.title}
      </h2>
      <form noValidate onSubmit={submit} aria-busy={generate.isPending || undefined}>
        <div className="payg-field">
          <label className="payg-label" htmlFor={`${id}-prompt`}>
            {text.prompt}
          </label>
          <textarea
            ref={promptRef}
            id={`${id}-prompt`}
            className="payg-input playground__prompt"
            rows={2}
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            aria-invalid={promptError ? true : undefined}
            aria-describedby={promptError ? `${id}-prompt-error` : undefined}
          />
          {promptError && (
            <span className="payg-field-error" id={`${id}-prompt-error`}>
              {promptError}
            </span>
          )}
        </div>
        <div className="playground__row">
          <div className="payg-field">
            <label className="payg-label" htmlFor={`${id}-model`}>
              {text.model}
            </label>
            <select
              id={`${id}-model`}
              className="payg-select"
              value={modelId}
              onChange={(event) => setModelId(event.target.value)}
            >
              {MODELS.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.name}
                </option>
              ))}
            </select>
          </div>
          <div className="payg-field">
            <label className="payg-label" htmlFor={`${id}-images`}>
              {text.images}
            </label>
            <select
              id={`${id}-images`}
              className="payg-select"
              value={numImages}
              onChange={(event) => setNumImages(Number(event.target.value))}
            >
              {IMAGE_COUNTS.map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
          </div>
        </div>
        {__PAYG_LIVE__ && <p className="payg-hint">{text.live}</p>}
        {refusal && (
          <p className="payg-alert" data-tone="danger" role="alert">
            {refusal}
          </p>
        )}
        <button
          type="submit"
          className="payg-button"
          aria-disabled={generate.isPending || undefined}
        >
          {generate.isPending ? text.generating : text.generate}
        </button>
      </form>
      <p className="payg-visually-hidden" role="status">
        {jobs[0] ? fill(text.started, { prompt: jobs[0].prompt }) : ''}
      </p>
      {jobs.length > 0 && (
        <ol className="playground__jobs" aria-label={text.list}>
          {jobs.map((job) => (
            <li key={job.generationId} className="playground__job">
              <span className="playground__job-prompt">{job.prompt}</span>
              <CostTag cost={job.cost} />
              <GenerationStatus generationId={job.generationId} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
