import { describe, expectTypeOf, it } from 'vitest'
import { createPaygClient } from './createPaygClient'
import { createPaygTransport } from './createPaygTransport'
import { createJob } from './jobs'
import { estimateCost, getBalance, topUp, transactions } from './operations'
import type {
  BalanceInfo,
  Money,
  PaygClient,
  PaygTransport,
  TopUpResult,
  TransactionPage,
} from './types'

const transport = createPaygTransport({ baseUrl: '/api/payg' })

describe('the standalone operations', () => {
  it('return what the client methods of the same name return', () => {
    expectTypeOf(transport).toEqualTypeOf<PaygTransport>()
    expectTypeOf(transport.scope).toEqualTypeOf<string | undefined>()
    expectTypeOf(getBalance(transport)).resolves.toEqualTypeOf<BalanceInfo>()
    expectTypeOf(getBalance).returns.toEqualTypeOf<ReturnType<PaygClient['getBalance']>>()
    expectTypeOf(
      estimateCost(transport, { service: 'IMAGE_GENERATION', serviceParams: {} }),
    ).resolves.toEqualTypeOf<Money>()
    expectTypeOf(topUp(transport, { amount: 25 })).resolves.toEqualTypeOf<TopUpResult>()
    expectTypeOf(transactions(transport)).toEqualTypeOf<AsyncIterable<TransactionPage>>()
    // The opt-in job functions take a transport as well as a client.
    createJob(transport, '/variations/upscale', { id: 'img_1' })
  })

  it('rejects misuse', () => {
    // @ts-expect-error an operation needs a transport
    getBalance()
    // @ts-expect-error a plain object is not a transport
    getBalance({ scope: 'acct_1' })
    // @ts-expect-error a client is not a transport (its methods are the operations)
    getBalance(createPaygClient())
    // @ts-expect-error amount is a number of dollars, not a string
    topUp(transport, { amount: '25' })
  })
})
