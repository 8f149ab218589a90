'use client'
import {
  compare,
  divide,
  floorDiv,
  type Money,
  multiply,
  type PricingRequest,
  type PricingService,
  usd,
  ValidationError,
} from '@payg-kit/core'
import { useBalance, useCostEstimate, usePricing, useQuote } from '@payg-kit/react'
import { type ReactNode, useId, useState } from 'react'
import { RetryAlert } from '../RetryAlert'
import { useFormat } from '../useFormat'
import { useMessages } from '../useMessages'
import { planAutoTopUp } from './planAutoTopUp'

/** CostCalculator's strings, overridable through `PaygProvider`'s `messages`. */
export const costCalculatorMessages = {
  'costCalculator.title': 'Cost calculator',
  'costCalculator.service': 'Service',
  'costCalculator.settings': 'Settings',
  'costCalculator.service.IMAGE_GENERATION': 'Image generation',
  'costCalculator.service.FANTASY_AVATAR_GENERATION': 'Fantasy avatar',
  'costCalculator.service.MOTION_SVD_GENERATION': 'Motion (SVD)',
  'costCalculator.service.MOTION_VIDEO_GENERATION': 'Motion video',
  'costCalculator.service.VEO3_MOTION_VIDEO_GENERATION': 'Veo 3 video',
  'costCalculator.service.LCM_GENERATION': 'Realtime image (LCM)',
  'costCalculator.service.MODEL_TRAINING': 'Model training',
  'costCalculator.service.TEXTURE_GENERATION': '3D texturing',
  'costCalculator.service.UNIVERSAL_UPSCALER': 'Universal Upscaler',
  'costCalculator.service.UNIVERSAL_UPSCALER_ULTRA': 'Universal Upscaler Ultra',
  'costCalculator.field.model': 'Model',
  'costCalculator.field.imageWidth': 'Width (px)',
  'costCalculator.field.imageHeight': 'Height (px)',
  'costCalculator.field.numImages': 'Number of images',
  'costCalculator.field.inferenceSteps': 'Inference steps',
  'costCalculator.field.loraCount': 'LoRAs (elements)',
  'costCalculator.field.alchemyMode': 'Alchemy',
  'costCalculator.field.promptMagic': 'Prompt Magic',
  'costCalculator.field.promptMagicVersion': 'Prompt Magic version',
  'costCalculator.field.photoRealMode': 'PhotoReal',
  'costCalculator.field.photoRealVersion': 'PhotoReal version',
  'costCalculator.field.highResolution': 'High resolution',
  'costCalculator.field.isUltra': 'Ultra',
  'costCalculator.field.isModelCustom': 'Custom (user-trained) model',
  'costCalculator.field.resolution': 'Resolution',
  'costCalculator.field.width': 'Width',
  'costCalculator.field.height': 'Height',
  'costCalculator.field.refine': 'Alchemy refine',
  'costCalculator.field.instantRefine': 'Instant refine',
  'costCalculator.field.preview': 'Preview only',
  'costCalculator.field.inputWidth': 'Input width (px)',
  'costCalculator.field.inputHeight': 'Input height (px)',
  'costCalculator.field.upscaleMultiplier': 'Upscale multiplier',
  'costCalculator.field.megapixel': 'Upscaled size (megapixels)',
  'costCalculator.model.SD15': 'Stable Diffusion 1.5',
  'costCalculator.model.SDXL': 'Leonardo Diffusion XL',
  'costCalculator.model.SDXL_LIGHTNING': 'Leonardo Lightning XL',
  'costCalculator.model.PHOENIX': 'Leonardo Phoenix',
  'costCalculator.model.FLUX_SCHNELL': 'FLUX.1 Schnell',
  'costCalculator.model.FLUX_DEV': 'FLUX.1 Dev',
  'costCalculator.model.FLUX_KONTEXT': 'FLUX.1 Kontext',
  'costCalculator.pixels': '{value} px',
  'costCalculator.hintRange': 'From {min} to {max}.',
  'costCalculator.hintStep': 'From {min} to {max}, a multiple of {step}.',
  'costCalculator.hintMin': 'At least {min}.',
  'costCalculator.hintImages': 'From 1 to 8; at most 4 when a side is over 768 px.',
  'costCalculator.errorRequired': 'Enter a value.',
  'costCalculator.errorWhole': 'Enter a whole number.',
  'costCalculator.errorNumber': 'Enter a number, like 1.5.',
  'costCalculator.errorRange': 'Enter a value from {min} to {max}.',
  'costCalculator.errorMin': 'Enter {min} or more.',
  'costCalculator.errorStep': 'Use a multiple of {step}.',
  'costCalculator.errorImages': 'At most 4 images when a side is over 768 px.',
  'costCalculator.price': 'Price per request',
  'costCalculator.listPrice': 'List price {amount}',
  'costCalculator.discount': '{percent}% off',
  'costCalculator.perImage': '{amount} per image',
  'costCalculator.approx': '≈ {amount}',
  'costCalculator.calculating': 'Calculating price…',
  'costCalculator.updating': 'Updating…',
  'costCalculator.fixFields': 'Fix the highlighted settings to see a price.',
  'costCalculator.error': 'The price could not be calculated.',
  'costCalculator.retry': 'Retry',
  'costCalculator.coversMany':
    'Your balance of {balance} covers {count, plural, one {# request} other {# requests}} like this.',
  'costCalculator.coversOne': 'Your balance of {balance} covers 1 request like this.',
  'costCalculator.coversNone': 'Your balance of {balance} does not cover a request like this.',
  'costCalculator.planner': 'Plan your spend',
  'costCalculator.requestsPerDay': 'Requests per day',
  'costCalculator.errorRequests': 'Enter a whole number of requests from 1 to {max}.',
  'costCalculator.daily': 'Per day',
  'costCalculator.monthly': 'Per 30 days',
  'costCalculator.suggestion':
    'Suggested auto top-up: add {amount} when the balance falls below {threshold}.',
  'costCalculator.suggestionRule':
    'The threshold covers 2 days of requests and each top-up adds 7 days, in whole dollars, at least $5.',
  'costCalculator.apply': 'Apply to auto top-up',
  'costCalculator.applied': 'Applied to auto top-up: add {amount} below {threshold}.',
} as const

type MessageKey = keyof typeof costCalculatorMessages

/** The states CostCalculator shows, also its `data-state`. */
export type CostCalculatorState = 'loading' | 'updating' | 'ready' | 'invalid' | 'error'

/** Props of CostCalculator. */
export interface CostCalculatorProps {
  /** The service shown first. Default `IMAGE_GENERATION`. */
  defaultService?: PricingService
  /** Shows "Apply to auto top-up" beside the planner's suggestion (whole dollars). */
  onApplySuggestion?: (suggestion: { threshold: number; amount: number }) => void
  className?: string
}

type Field =
  | { name: string; kind: 'int' | 'decimal'; min: number; max?: number; step?: number }
  | { name: string; kind: 'select'; options: readonly (string | number)[]; label?: MessageKey }
  | { name: string; kind: 'toggle' }
type Values = Record<string, string | boolean>

const MODELS = [
  'SD15',
  'SDXL',
  'SDXL_LIGHTNING',
  'PHOENIX',
  'FLUX_SCHNELL',
  'FLUX_DEV',
  'FLUX_KONTEXT',
] as const
/** The calculator's model flag for each model (SD 1.5 has none). */
const MODEL_FLAGS: Record<string, string> = {
  SDXL: 'isSDXL',
  SDXL_LIGHTNING: 'isSDXLLightning',
  PHOENIX: 'isPhoenix',
  FLUX_SCHNELL: 'isFluxSchnell',
  FLUX_DEV: 'isFluxDev',
  FLUX_KONTEXT: 'isFluxKontext',
}
const side = (name: string): Field => ({ name, kind: 'int', min: 32, max: 1024, step: 8 })
const toggle = (name: string): Field => ({ name, kind: 'toggle' })
const ultraUpscaler: Field[] = [
  { name: 'inputWidth', kind: 'int', min: 1 },
  { name: 'inputHeight', kind: 'int', min: 1 },
  { name: 'upscaleMultiplier', kind: 'decimal', min: 1, max: 2 },
]

// Each service's parameters and ranges, as packages/core/openapi/payg.yaml states them.
const FIELDS: Record<PricingService, Field[]> = {
  IMAGE_GENERATION: [
    { name: 'model', kind: 'select', options: MODELS },
    side('imageWidth'),
    side('imageHeight'),
    { name: 'numImages', kind: 'int', min: 1, max: 8 },
    { name: 'inferenceSteps', kind: 'int', min: 10, max: 60 },
    { name: 'loraCount', kind: 'int', min: 0 },
    toggle('alchemyMode'),
    toggle('promptMagic'),
    { name: 'promptMagicVersion', kind: 'select', options: ['v2', 'v3'] },
    toggle('photoRealMode'),
    { name: 'photoRealVersion', kind: 'select', options: ['v1', 'v2'] },
    toggle('highResolution'),
    toggle('isUltra'),
    toggle('isModelCustom'),
  ],
  FANTASY_AVATAR_GENERATION: [
    side('imageWidth'),
    side('imageHeight'),
    { name: 'numImages', kind: 'int', min: 1, max: 8 },
  ],
  // Leonardo's calculator prices a motion clip at a fixed price, from no settings.
  MOTION_SVD_GENERATION: [],
  MOTION_VIDEO_GENERATION: [
    { name: 'resolution', kind: 'select', options: ['RESOLUTION_480', 'RESOLUTION_720'] },
  ],
  // One clip at 720p: Leonardo's calculator takes no duration.
  VEO3_MOTION_VIDEO_GENERATION: [
    { name: 'resolution', kind: 'select', options: ['RESOLUTION_720'] },
  ],
  LCM_GENERATION: [
    { name: 'width', kind: 'select', options: [512, 640, 1024], label: 'costCalculator.pixels' },
    { name: 'height', kind: 'select', options: [512, 640, 1024], label: 'costCalculator.pixels' },
    toggle('refine'),
    toggle('instantRefine'),
  ],
  MODEL_TRAINING: [
    {
      name: 'resolution',
      kind: 'select',
      options: [512, 768, 1024],
      label: 'costCalculator.pixels',
    },
  ],
  TEXTURE_GENERATION: [toggle('preview')],
  UNIVERSAL_UPSCALER: [{ name: 'megapixel', kind: 'int', min: 1, max: 20 }],
  UNIVERSAL_UPSCALER_ULTRA: ultraUpscaler,
}
const SERVICES = Object.keys(FIELDS) as PricingService[]

const DEFAULTS: Record<PricingService, Values> = {
  IMAGE_GENERATION: {
    model: 'PHOENIX',
    imageWidth: '1024',
    imageHeight: '1024',
    numImages: '4',
    inferenceSteps: '15',
    loraCount: '0',
    promptMagicVersion: 'v3',
    photoRealVersion: 'v1',
  },
  FANTASY_AVATAR_GENERATION: { imageWidth: '512', imageHeight: '512', numImages: '4' },
  MOTION_SVD_GENERATION: {},
  MOTION_VIDEO_GENERATION: { resolution: 'RESOLUTION_720' },
  VEO3_MOTION_VIDEO_GENERATION: { resolution: 'RESOLUTION_720' },
  LCM_GENERATION: { width: '512', height: '512' },
  MODEL_TRAINING: { resolution: '512' },
  TEXTURE_GENERATION: {},
  UNIVERSAL_UPSCALER: { megapixel: '4' },
  UNIVERSAL_UPSCALER_ULTRA: { inputWidth: '1024', inputHeight: '1024', upscaleMultiplier: '1.5' },
}

/** Fields that only apply with another switched on. */
const SHOWN_WITH: Record<string, string> = {
  promptMagicVersion: 'promptMagic',
  photoRealVersion: 'photoRealMode',
}

const MAX_REQUESTS_PER_DAY = 1_000_000

/**
 * The request as the API takes it, and what cannot be read from the form. Ranges are left to
 * `useCostEstimate`, which checks them with the calculator's rules before anything is sent.
 */
function buildRequest(service: PricingService, values: Values) {
  const params: Record<string, unknown> = {}
  const unreadable: Record<string, MessageKey> = {}
  for (const field of FIELDS[service]) {
    const shownWith = SHOWN_WITH[field.name]
    if (shownWith && values[shownWith] !== true) continue
    const value = values[field.name]
    if (field.kind === 'toggle') params[field.name] = value === true
    else if (field.name === 'model') {
      const flag = MODEL_FLAGS[String(value)]
      if (flag) params[flag] = true
    } else if (field.kind === 'select') {
      params[field.name] = typeof field.options[0] === 'number' ? Number(value) : value
    } else {
      const text = String(value ?? '').trim()
      const pattern = field.kind === 'int' ? /^-?\d+$/ : /^-?\d+([.,]\d+)?$/
      if (text === '') unreadable[field.name] = 'costCalculator.errorRequired'
      else if (!pattern.test(text))
        unreadable[field.name] =
          field.kind === 'int' ? 'costCalculator.errorWhole' : 'costCalculator.errorNumber'
      else params[field.name] = Number(text.replace(',', '.'))
    }
  }
  const request = { service, serviceParams: { [service]: params } } as PricingRequest
  return { request: Object.keys(unreadable).length ? null : request, unreadable }
}

/**
 * Previews what a request costs from its service and settings, with the list price beside a
 * discounted one, how many such requests the balance covers, and a planner that turns requests
 * per day into spend and a suggested auto top-up.
 * @example <CostCalculator onApplySuggestion={(s) => setSuggestion(s)} />
 */
export function CostCalculator({
  defaultService = 'IMAGE_GENERATION',
  onApplySuggestion,
  className,
}: CostCalculatorProps): ReactNode {
  const { t } = useMessages(costCalculatorMessages)
  const format = useFormat()
  const id = useId()
  const [service, setService] = useState<PricingService>(defaultService)
  const [allValues, setAllValues] = useState(DEFAULTS)
  const [requestsPerDay, setRequestsPerDay] = useState('100')
  const [applied, setApplied] = useState('')
  const values = allValues[service]
  const fields = FIELDS[service]

  const { request, unreadable } = buildRequest(service, values)
  const estimate = useCostEstimate(request)
  const balance = useBalance()
  const pricing = usePricing()
  // Only custom-deal accounts have a list price beside theirs.
  const quote = useQuote(request, { enabled: pricing.data?.customPricing === true })

  // Why each field is wrong: unreadable input, the calculator's rules, or the server's answer.
  const errors: Record<string, string> = {}
  for (const [name, key] of Object.entries(unreadable)) errors[name] = t(key)
  for (const problem of estimate.problems) {
    const name = problem.field.split('.').pop() ?? ''
    const field = fields.find((candidate) => candidate.name === name)
    if (!field || errors[name]) continue
    const range = field.kind === 'int' || field.kind === 'decimal' ? field : undefined
    errors[name] =
      problem.code === 'TOO_LARGE' && name === 'numImages'
        ? t('costCalculator.errorImages')
        : problem.code === 'NOT_MULTIPLE_OF' && range?.step
          ? t('costCalculator.errorStep', { step: range.step })
          : problem.code === 'OUT_OF_RANGE' && range
            ? range.max === undefined
              ? t('costCalculator.errorMin', { min: format.number(range.min) })
              : t('costCalculator.errorRange', {
                  min: format.number(range.min),
                  max: format.number(range.max),
                })
            : problem.message
  }
  const serverFieldErrors =
    estimate.error instanceof ValidationError ? estimate.error.fieldErrors : []
  for (const fieldError of serverFieldErrors) {
    const name = fieldError.field.split('.').pop() ?? ''
    if (fields.some((field) => field.name === name)) errors[name] ??= fieldError.message
  }
  const invalid = Object.keys(errors).length > 0 || serverFieldErrors.length > 0

  // The estimate comes in the unit the account pays in: credits on a legacy plan.
  const info = balance.data
  const legacy = info?.billingModel === 'SUBSCRIPTION'
  const cost: Money | undefined = estimate.data && !invalid ? estimate.data : undefined
  const held = legacy ? info?.credits : info?.balance

  let state: CostCalculatorState = 'loading'
  if (invalid) state = 'invalid'
  else if (estimate.isError) state = 'error'
  else if (cost) state = estimate.isFetching || estimate.isDebouncing ? 'updating' : 'ready'

  // A custom deal's list price, from the server's quote for the same request.
  const discounted = cost?.unit === 'USD' && quote.data && quote.data.discountPercent > 0
  const listPrice = discounted ? quote.data?.listCost : undefined
  const discount = quote.data?.discountPercent ?? 0

  const outputs = 'numImages' in values ? Number(values.numImages) : 1
  let perOutput = ''
  if (cost && outputs > 1) {
    const each = divide(cost, outputs, 6, 'half-up')
    const amount = format.price(each)
    perOutput = t('costCalculator.perImage', {
      amount:
        compare(multiply(each, outputs), cost) === 0
          ? amount
          : t('costCalculator.approx', { amount }),
    })
  }

  let covers = ''
  if (cost && held && compare(cost, { amount: '0', unit: cost.unit }) > 0) {
    const count = Math.max(0, floorDiv(held, cost))
    covers = t(
      count === 0
        ? 'costCalculator.coversNone'
        : count === 1
          ? 'costCalculator.coversOne'
          : 'costCalculator.coversMany',
      { balance: format.money(held), count },
    )
  }

  const perDayText = requestsPerDay.trim()
  const perDay = /^\d+$/.test(perDayText) ? Number(perDayText) : Number.NaN
  const perDayValid = perDay >= 1 && perDay <= MAX_REQUESTS_PER_DAY
  const plan = cost?.unit === 'USD' && perDayValid ? planAutoTopUp(usd(cost.amount), perDay) : null

  const setValue = (name: string, value: string | boolean) => {
    setAllValues((current) => ({ ...current, [service]: { ...current[service], [name]: value } }))
    setApplied('')
  }

  const optionLabel = (field: Field & { kind: 'select' }, option: string | number) => {
    if (field.name === 'model') return t(`costCalculator.model.${option}` as MessageKey)
    if (typeof option === 'number') {
      return field.label ? t(field.label, { value: format.number(option) }) : String(option)
    }
    return option.startsWith('RESOLUTION_') ? `${option.slice(11)}p` : option
  }

  const hint = (field: Field) => {
    if (field.name === 'numImages' && service === 'IMAGE_GENERATION') {
      return t('costCalculator.hintImages')
    }
    if (field.kind !== 'int' && field.kind !== 'decimal') return ''
    const min = format.number(field.min)
    if (field.max === undefined) return t('costCalculator.hintMin', { min })
    const max = format.number(field.max)
    return field.step
      ? t('costCalculator.hintStep', { min, max, step: field.step })
      : t('costCalculator.hintRange', { min, max })
  }

  const renderField = (field: Field) => {
    const shownWith = SHOWN_WITH[field.name]
    if (shownWith && values[shownWith] !== true) return null
    const inputId = `${id}-${field.name}`
    const label = t(`costCalculator.field.${field.name}` as MessageKey)
    if (field.kind === 'toggle') {
      return (
        <div className="payg-cost-calculator__toggle" key={field.name}>
          <label>
            <input
              type="checkbox"
              checked={values[field.name] === true}
              onChange={(event) => setValue(field.name, event.target.checked)}
            />{' '}
            {label}
          </label>
        </div>
      )
    }
    const error = errors[field.name]
    const hintText = hint(field)
    const describedBy =
      [hintText && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(' ') ||
      undefined
    const common = {
      id: inputId,
      value: String(values[field.name] ?? ''),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
    }
    return (
      <div className="payg-field" key={field.name}>
        <label className="payg-label" htmlFor={inputId}>
          {label}
        </label>
        {hintText && (
          <span className="payg-hint" id={`${inputId}-hint`}>
            {hintText}
          </span>
        )}
        {field.kind === 'select' ? (
          <select
            {...common}
            className="payg-select"
            onChange={(event) => setValue(field.name, event.target.value)}
          >
            {field.options.map((option) => (
              <option key={option} value={String(option)}>
                {optionLabel(field, option)}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            className="payg-input"
            type="text"
            inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
            autoComplete="off"
            onChange={(event) => setValue(field.name, event.target.value)}
          />
        )}
        {error && (
          <span className="payg-field-error" id={`${inputId}-error`}>
            {error}
          </span>
        )}
      </div>
    )
  }

  const requestsError = perDayValid
    ? undefined
    : t('costCalculator.errorRequests', { max: format.number(MAX_REQUESTS_PER_DAY) })

  return (
    <section
      className={['payg-root', 'payg-card', 'payg-cost-calculator', className]
        .filter(Boolean)
        .join(' ')}
      data-state={state}
      aria-labelledby={`${id}-title`}
    >
      <h2 className="payg-heading" id={`${id}-title`}>
        {t('costCalculator.title')}
      </h2>
      <div className="payg-field">
        <label className="payg-label" htmlFor={`${id}-service`}>
          {t('costCalculator.service')}
        </label>
        <select
          id={`${id}-service`}
          className="payg-select"
          value={service}
          onChange={(event) => {
            setService(event.target.value as PricingService)
            setApplied('')
          }}
        >
          {SERVICES.map((name) => (
            <option key={name} value={name}>
              {t(`costCalculator.service.${name}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="payg-cost-calculator__settings">
        <legend className="payg-label">{t('costCalculator.settings')}</legend>
        {fields.filter((field) => field.kind !== 'toggle').map(renderField)}
        {fields.some((field) => field.kind === 'toggle') && (
          <div className="payg-cost-calculator__toggles">
            {fields.filter((field) => field.kind === 'toggle').map(renderField)}
          </div>
        )}
      </fieldset>

      <div className="payg-cost-calculator__result" aria-busy={state === 'updating' || undefined}>
        <div role="status" className="payg-cost-calculator__price">
          {state === 'loading' && (
            <span
              className="payg-skeleton payg-cost-calculator__skeleton"
              role="img"
              aria-label={t('costCalculator.calculating')}
            />
          )}
          {state === 'invalid' && <p>{t('costCalculator.fixFields')}</p>}
          {cost && (state === 'ready' || state === 'updating') && (
            <p>
              <span className="payg-cost-calculator__label">{t('costCalculator.price')}</span>{' '}
              <strong className="payg-cost-calculator__amount">{format.price(cost)}</strong>
              {listPrice && (
                <>
                  {' '}
                  <s className="payg-cost-calculator__list">
                    {t('costCalculator.listPrice', { amount: format.price(listPrice) })}
                  </s>{' '}
                  <span className="payg-cost-calculator__discount">
                    {t('costCalculator.discount', { percent: format.number(discount) })}
                  </span>
                </>
              )}
            </p>
          )}
        </div>
        {state === 'updating' && (
          <p className="payg-hint payg-cost-calculator__updating">{t('costCalculator.updating')}</p>
        )}
        {state === 'error' && (
          <RetryAlert
            message={t('costCalculator.error')}
            retryLabel={t('costCalculator.retry')}
            onRetry={() => estimate.refetch()}
          />
        )}
        {perOutput && <p className="payg-cost-calculator__per-output">{perOutput}</p>}
        {covers && <p className="payg-cost-calculator__covers">{covers}</p>}
      </div>

      {(info !== undefined || balance.isError) && !legacy && (
        <fieldset className="payg-cost-calculator__planner">
          <legend className="payg-label">{t('costCalculator.planner')}</legend>
          <div className="payg-field">
            <label className="payg-label" htmlFor={`${id}-perDay`}>
              {t('costCalculator.requestsPerDay')}
            </label>
            <input
              id={`${id}-perDay`}
              className="payg-input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={requestsPerDay}
              onChange={(event) => {
                setRequestsPerDay(event.target.value)
                setApplied('')
              }}
              aria-invalid={requestsError ? true : undefined}
              aria-describedby={requestsError ? `${id}-perDay-error` : undefined}
            />
            {requestsError && (
              <span className="payg-field-error" id={`${id}-perDay-error`}>
                {requestsError}
              </span>
            )}
          </div>
          {plan && (
            <>
              <dl className="payg-cost-calculator__spend">
                <div>
                  <dt>{t('costCalculator.daily')}</dt>
                  <dd title={format.exact(plan.daily)}>{format.money(plan.daily)}</dd>
                </div>
                <div>
                  <dt>{t('costCalculator.monthly')}</dt>
                  <dd title={format.exact(plan.monthly)}>{format.money(plan.monthly)}</dd>
                </div>
              </dl>
              <p className="payg-cost-calculator__suggestion">
                {t('costCalculator.suggestion', {
                  amount: format.money(usd(plan.amount)),
                  threshold: format.money(usd(plan.threshold)),
                })}
              </p>
              <p className="payg-hint">{t('costCalculator.suggestionRule')}</p>
              {onApplySuggestion && (
                <button
                  type="button"
                  className="payg-button"
                  data-variant="secondary"
                  onClick={() => {
                    onApplySuggestion({ threshold: plan.threshold, amount: plan.amount })
                    setApplied(
                      t('costCalculator.applied', {
                        amount: format.money(usd(plan.amount)),
                        threshold: format.money(usd(plan.threshold)),
                      }),
                    )
                  }}
                >
                  {t('costCalculator.apply')}
                </button>
              )}
            </>
          )}
          <p role="status" className="payg-cost-calculator__applied">
            {applied}
          </p>
        </fieldset>
      )}
    </section>
  )
}
