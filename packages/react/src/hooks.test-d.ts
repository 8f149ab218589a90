import type {
  AccountInfo,
  AutoTopUpInput,
  AutoTopUpResult,
  BalanceInfo,
  CreatedJob,
  GenerationJob,
  GenerationRequest,
  JobState,
  Money,
  PaygClient,
  TopUpResult,
  TransactionPage,
} from '@payg-kit/core'
import {
  type InfiniteData,
  QueryClient,
  useInfiniteQuery,
  useQuery,
  useSuspenseQuery,
} from '@tanstack/react-query'
import { describe, expectTypeOf, test } from 'vitest'
import {
  balanceQueryOptions,
  costEstimateQueryOptions,
  type PricingProblem,
  paygKeys,
  transactionsQueryOptions,
  useAccount,
  useBalance,
  useCanAfford,
  useCostEstimate,
  useCreateGeneration,
  useCreateJob,
  useDisableAutoTopUp,
  useJob,
  usePaygStatus,
  useTopUp,
  useTransactions,
  useUpdateAutoTopUp,
} from './index'

declare const client: PaygClient
const queryClient = new QueryClient()

describe('queryOptions factories', () => {
  test('serve useQuery, useSuspenseQuery, prefetchQuery and setQueryData with one data type', () => {
    expectTypeOf(useQuery(balanceQueryOptions(client)).data).toEqualTypeOf<
      BalanceInfo | undefined
    >()
    expectTypeOf(useSuspenseQuery(balanceQueryOptions(client)).data).toEqualTypeOf<BalanceInfo>()
    expectTypeOf(queryClient.prefetchQuery(balanceQueryOptions(client))).toEqualTypeOf<
      Promise<void>
    >()
    expectTypeOf(queryClient.getQueryData(balanceQueryOptions(client).queryKey)).toEqualTypeOf<
      BalanceInfo | undefined
    >()
    queryClient.setQueryData(balanceQueryOptions(client).queryKey, (old) => {
      expectTypeOf(old).toEqualTypeOf<BalanceInfo | undefined>()
      return old
    })
    // @ts-expect-error the balance cache holds BalanceInfo, not a bare amount
    queryClient.setQueryData(balanceQueryOptions(client).queryKey, { amount: '1', unit: 'USD' })
    expectTypeOf(
      useQuery(costEstimateQueryOptions(client, { service: 'IMAGE_GENERATION', serviceParams: {} }))
        .data,
    ).toEqualTypeOf<Money | undefined>()
    expectTypeOf(useInfiniteQuery(transactionsQueryOptions(client)).data?.pages).toEqualTypeOf<
      TransactionPage[] | undefined
    >()
  })

  test('keys are [scope, resource, params]', () => {
    expectTypeOf(paygKeys.balance(client)[0]).toEqualTypeOf<'payg'>()
    expectTypeOf(paygKeys.balance(client)[1]).toEqualTypeOf<'balance'>()
    expectTypeOf(paygKeys.transactions(client, { type: 'USAGE' })[2].client).toEqualTypeOf<string>()
    // @ts-expect-error a ledger query has no such filter
    paygKeys.transactions(client, { kind: 'USAGE' })
    // @ts-expect-error usage needs a date range
    paygKeys.usage(client)
  })
})

describe('job hooks', () => {
  test('are typed from the path', () => {
    const upscale = useCreateJob('/variations/upscale')
    expectTypeOf(upscale.data).toEqualTypeOf<CreatedJob<'/variations/upscale'> | undefined>()
    upscale.mutate({ id: 'img_1' })
    // @ts-expect-error an upscale takes the image id, not a prompt
    upscale.mutate({ prompt: 'a fox' })
    // @ts-expect-error a top-up is not a job
    useCreateJob('/billing/top-ups')
    expectTypeOf(useJob(upscale.data?.id).data).toEqualTypeOf<JobState | null | undefined>()
  })
})

describe('query hooks', () => {
  test('results carry the normalised types', () => {
    expectTypeOf(useBalance().data).toEqualTypeOf<BalanceInfo | undefined>()
    expectTypeOf(useBalance({ refetchInterval: 10_000 }).error).toEqualTypeOf<Error | null>()
    // @ts-expect-error a polling interval is a number of ms
    useBalance({ refetchInterval: '10s' })
    expectTypeOf(useAccount().data).toEqualTypeOf<AccountInfo | undefined>()
    expectTypeOf(useTransactions({ limit: 20 }).data).toEqualTypeOf<
      InfiniteData<TransactionPage> | undefined
    >()
    expectTypeOf(usePaygStatus().isPaused).toEqualTypeOf<boolean>()
  })

  test('useCostEstimate and useCanAfford take a calculator request', () => {
    const request = {
      service: 'IMAGE_GENERATION',
      serviceParams: { IMAGE_GENERATION: { imageWidth: 512, imageHeight: 512, numImages: 4 } },
    } as const
    const estimate = useCostEstimate(request, { debounceMs: 100 })
    expectTypeOf(estimate.data).toEqualTypeOf<Money | undefined>()
    expectTypeOf(estimate.problems).toEqualTypeOf<PricingProblem[]>()
    expectTypeOf(useCostEstimate(null).isDebouncing).toEqualTypeOf<boolean>()
    // @ts-expect-error not a service the calculator knows
    useCostEstimate({ service: 'PAINTING', serviceParams: {} })
    useCostEstimate({
      service: 'IMAGE_GENERATION',
      // @ts-expect-error imageWidth is a number
      serviceParams: { IMAGE_GENERATION: { imageWidth: '512' } },
    })

    const afford = useCanAfford(request)
    expectTypeOf(afford.canAfford).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(afford.shortfall).toEqualTypeOf<Money | undefined>()
  })
})

describe('mutation hooks', () => {
  test('useTopUp takes whole dollars and an optional key, and resolves to the result', () => {
    const topUp = useTopUp()
    expectTypeOf(topUp.mutate)
      .parameter(0)
      .toEqualTypeOf<{ amount: number; idempotencyKey?: string }>()
    expectTypeOf(topUp.mutateAsync({ amount: 20 })).toEqualTypeOf<Promise<TopUpResult>>()
    expectTypeOf(topUp.data).toEqualTypeOf<TopUpResult | undefined>()
    expectTypeOf(topUp.idempotencyKey).toEqualTypeOf<string | null>()
    expectTypeOf(topUp.outcome).toEqualTypeOf<'checking' | 'unknown' | null>()
    expectTypeOf(topUp.lookUp()).toEqualTypeOf<Promise<TopUpResult>>()
    // @ts-expect-error amounts are numbers of dollars
    topUp.mutate({ amount: '20' })
    // @ts-expect-error the amount is required
    topUp.mutate({})
  })

  test('the other mutations take what the client takes', () => {
    expectTypeOf(useUpdateAutoTopUp().mutate).parameter(0).toEqualTypeOf<AutoTopUpInput>()
    expectTypeOf(useUpdateAutoTopUp().data).toEqualTypeOf<AutoTopUpResult | undefined>()
    useDisableAutoTopUp().mutate()
    // @ts-expect-error disabling takes no settings
    useDisableAutoTopUp().mutate({ enabled: false })
    expectTypeOf(useCreateGeneration().mutate).parameter(0).toEqualTypeOf<GenerationRequest>()
    expectTypeOf(useCreateGeneration().data).toEqualTypeOf<GenerationJob | undefined>()
    // @ts-expect-error the number of images is a number
    useCreateGeneration().mutate({ prompt: 'a cat', num_images: '1' })
  })
})
