// The two readers the report and the contract test rest on: the SDK's zod models and the spec.
import * as operations from '@leonardo-ai/sdk/sdk/models/operations/index.js'
import { describe, expect, it } from 'vitest'
import { conformance, fromOpenApi, fromZod } from './shape'
import { leonardoOperations } from './spec'

describe('fromZod', () => {
  it('reads a request model by its wire names, with the defaults the SDK sends', () => {
    const shape = fromZod(operations.CreateGenerationRequestBody$outboundSchema, 'outbound')
    expect(shape.properties?.num_images).toEqual({
      required: false,
      shape: { type: 'integer', nullable: true, default: 4 },
    })
    expect(shape.properties?.numImages).toBeUndefined()
    expect(shape.properties?.alchemy?.shape.default).toBe(true)
    expect(shape.properties?.guidance_scale?.shape.type).toBe('number')
  })

  it('reads an answer model, lazy members and integers included', () => {
    const shape = fromZod(operations.GetUserSelfResponseBody$inboundSchema, 'inbound')
    const user = shape.properties?.user_details?.shape.items
    expect(user?.properties?.apiPaidTokens?.shape).toEqual({ type: 'integer', nullable: true })
  })
})

describe('fromOpenApi', () => {
  it('reads a default declared beside a $ref or a nullable oneOf as the field’s own', () => {
    const document = {
      components: { schemas: { Model: { type: 'string', enum: ['MOTION2', 'VEO3'] } } },
    }
    const shape = fromOpenApi(document, {
      type: 'object',
      properties: {
        byRef: { $ref: '#/components/schemas/Model', default: 'MOTION2' },
        byOneOf: {
          default: 'VEO3',
          oneOf: [{ $ref: '#/components/schemas/Model' }, { type: 'null' }],
        },
        plain: { $ref: '#/components/schemas/Model' },
      },
    })
    expect(shape.properties?.byRef?.shape).toEqual({
      type: 'string',
      nullable: false,
      enum: ['MOTION2', 'VEO3'],
      default: 'MOTION2',
    })
    expect(shape.properties?.byOneOf?.shape).toMatchObject({ nullable: true, default: 'VEO3' })
    expect(shape.properties?.plain?.shape.default).toBeUndefined()
  })
})

describe('conformance', () => {
  const generations = leonardoOperations().find(
    (operation) => operation.key === 'POST /generations',
  )
  const refusal = generations?.refusal
  it('checks a 402 against every part of the spec’s InsufficientBalanceError', () => {
    if (!refusal) throw new Error('POST /generations has no 402 in the spec')
    const valid = {
      code: 'INSUFFICIENT_BALANCE',
      message: 'Your balance is too low for this request.',
      details: { balance: '0', required: '0.048', currency: 'USD' },
    }
    expect(conformance(valid, refusal)).toEqual([])
    expect(conformance({ ...valid, code: 'RATE_LIMITED' }, refusal)).toEqual([
      'code: "RATE_LIMITED" is not one of INSUFFICIENT_BALANCE',
    ])
    expect(
      conformance(
        { ...valid, details: { balance: 0, required: '1.5e-2', currency: 'USD' } },
        refusal,
      ),
    ).toEqual([
      'details.balance: number, not a string',
      'details.required: "1.5e-2" does not match ^-?\\d+(\\.\\d+)?$',
    ])
    expect(conformance({ code: 'INSUFFICIENT_BALANCE' }, refusal)).toEqual([
      'message: missing',
      'details: missing',
    ])
  })
})
