import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, type AccountState, BACKENDS } from './backends'

// 3-D Secure on a manual top-up: the issuer asks the cardholder to authenticate, nothing is
// charged until they have, and the same Idempotency-Key then settles the top-up once.

const ASKS: AccountState = {
  balance: '20',
  card: 'authenticationRequired',
  lowBalanceThreshold: null,
}

let keys = 0
function key(): string {
  keys += 1
  return `authentication-key-${keys}`
}

const topUp = (a: Account, amount: number, idempotencyKey: string) =>
  a.call('POST', '/billing/top-ups', {
    body: { amount },
    headers: { 'idempotency-key': idempotencyKey },
  })

async function topUpAmounts(a: Account): Promise<string[]> {
  const list = await a.call('GET', '/billing/transactions?limit=100')
  return list.body.data
    .filter((entry: { type: string }) => entry.type === 'TOP_UP')
    .map((entry: { amount: string }) => entry.amount)
}

const balance = async (a: Account) => (await a.call('GET', '/billing/balance')).body.balance

describe.each(BACKENDS)('3-D Secure top-ups: %s', (_name, open) => {
  const backend = open()
  beforeAll(() => backend.ready())
  afterAll(() => backend.close())
  const account = (state: Partial<AccountState> = {}) => backend.account({ ...ASKS, ...state })

  /** A top-up the issuer asks to authenticate: its key and the secret the browser needs. */
  async function asked(a: Account, amount = 25) {
    const idempotencyKey = key()
    const first = await topUp(a, amount, idempotencyKey)
    expect(first.status).toBe(402)
    expect(first.body).toMatchObject({
      code: 'PAYMENT_DECLINED',
      details: { declineCode: 'authentication_required', clientSecret: expect.any(String) },
    })
    return { idempotencyKey, clientSecret: first.body.details.clientSecret as string }
  }

  it('answers a 402 with the secret, charges nothing, and the same key waits with it', async () => {
    const a = await account()
    const { idempotencyKey, clientSecret } = await asked(a)
    expect(clientSecret).toMatch(/^\S{1,500}$/)
    expect(await balance(a)).toBe('20')

    // Sent again before the cardholder answered: the same 402 and secret, still nothing charged.
    const again = await topUp(a, 25, idempotencyKey)
    expect(again.status).toBe(402)
    expect(again.body.details).toMatchObject({
      declineCode: 'authentication_required',
      clientSecret,
    })
    // The lookup cannot tell yet, and cancels nothing: ask again later.
    const lookup = await a.call('GET', `/billing/top-ups/${idempotencyKey}`)
    expect(lookup.status).toBe(503)
    expect(Number(lookup.headers.get('retry-after'))).toBeGreaterThan(0)
    // The key is this top-up's: another amount under it is refused.
    const other = await topUp(a, 30, idempotencyKey)
    expect(other.status).toBe(409)
    expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT')
    expect(await balance(a)).toBe('20')
    expect(await topUpAmounts(a)).toEqual([])
  })

  it('credits the top-up once the cardholder approves, and replays it for the same key', async () => {
    const a = await account()
    const { idempotencyKey, clientSecret } = await asked(a)
    await a.authenticate(clientSecret, 'succeed')

    const credited = await topUp(a, 25, idempotencyKey)
    expect(credited.status).toBe(201)
    expect(credited.body.topUp).toMatchObject({
      amount: '25',
      kind: 'MANUAL',
      status: 'SUCCEEDED',
    })
    expect(credited.body.balance).toMatchObject({ balance: '45' })
    const replay = await topUp(a, 25, idempotencyKey)
    expect(replay.status).toBe(201)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(replay.body.topUp.id).toBe(credited.body.topUp.id)
    const found = await a.call('GET', `/billing/top-ups/${idempotencyKey}`)
    expect(found.status).toBe(200)
    expect(found.body.topUp).toMatchObject({ id: credited.body.topUp.id, status: 'SUCCEEDED' })
    expect(await balance(a)).toBe('45')
    expect(await topUpAmounts(a)).toEqual(['25'])
  })

  it('is a plain decline once the check fails, and the next top-up asks again', async () => {
    const a = await account()
    const { idempotencyKey, clientSecret } = await asked(a)
    await a.authenticate(clientSecret, 'fail')

    const declined = await topUp(a, 25, idempotencyKey)
    expect(declined.status).toBe(402)
    expect(declined.body.code).toBe('PAYMENT_DECLINED')
    expect(declined.body.details.declineCode).toBe('payment_intent_authentication_failure')
    expect(declined.body.details.clientSecret).toBeUndefined()
    // Settled: the same key answers the same decline, and the bank cannot turn it around.
    const again = await topUp(a, 25, idempotencyKey)
    expect(again.status).toBe(402)
    expect(again.body.details.declineCode).toBe('payment_intent_authentication_failure')
    await expect(a.authenticate(clientSecret, 'succeed')).rejects.toThrow()
    expect(await balance(a)).toBe('20')
    expect(await topUpAmounts(a)).toEqual([])

    // A new top-up is a new payment with a secret of its own.
    const next = await asked(a, 30)
    expect(next.clientSecret).not.toBe(clientSecret)
  })

  it('keeps each waiting top-up to its own secret', async () => {
    const a = await account()
    const first = await asked(a, 10)
    const second = await asked(a, 40)
    expect(second.clientSecret).not.toBe(first.clientSecret)
    await a.authenticate(second.clientSecret, 'succeed')
    // Approving the second credits the second only; the first still waits.
    expect((await topUp(a, 10, first.idempotencyKey)).status).toBe(402)
    expect((await topUp(a, 40, second.idempotencyKey)).status).toBe(201)
    expect(await balance(a)).toBe('60')
    expect(await topUpAmounts(a)).toEqual(['40'])
  })
})
