// The spec-vs-SDK report is committed, up to date, and every difference in it is accepted.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEVIATIONS } from './deviations'
import { diffShapes } from './diff'
import { buildReport, REPORT_URL, renderReport } from './report'
import { fromOpenApi } from './shape'
import { leonardoOperations } from './spec'

const report = buildReport()

describe('the spec against @leonardo-ai/sdk', () => {
  it('compares every Leonardo operation of the spec, and none of the billing extension', () => {
    const keys = report.operations.map((entry) => entry.spec.key)
    expect(keys).toContain('GET /me')
    expect(keys).toContain('POST /generations')
    expect(keys.some((key) => key.includes('/billing'))).toBe(false)
    expect(report.unmapped.map((operation) => operation.key)).toEqual([])
  })

  it('has an accepted deviation, with its reason, for every difference', () => {
    const uncovered = report.differences
      .filter((entry) => !entry.deviation)
      .map(
        ({ difference: d }) =>
          `${d.operation} ${d.side} ${d.path}: ${d.kind} (spec ${d.spec}, SDK ${d.sdk})`,
      )
    expect(uncovered).toEqual([])
  })

  it('keeps no deviation that no difference needs any more', () => {
    expect(report.unused.map((deviation) => deviation.id)).toEqual([])
    for (const deviation of DEVIATIONS) expect(deviation.reason.length).toBeGreaterThan(40)
  })

  it('is committed as docs/sdk-report.md, up to date (run `pnpm sdk:report`)', () => {
    expect(readFileSync(REPORT_URL, 'utf8')).toBe(renderReport(report))
  })

  it('fails on a difference that appears: an SDK integer where the spec answers a decimal', () => {
    const spec = { openapi: '3.1.0', paths: {} }
    const specShape = fromOpenApi(spec, {
      type: 'object',
      required: ['balance'],
      properties: { balance: { type: 'number' } },
    })
    const sdkShape = fromOpenApi(spec, {
      type: 'object',
      properties: { balance: { type: 'integer' } },
    })
    const [difference, ...rest] = diffShapes('GET /me', 'response', specShape, sdkShape).filter(
      (d) => d.kind === 'type',
    )
    expect(rest).toEqual([])
    expect(difference).toMatchObject({
      path: 'balance',
      spec: 'number',
      sdk: 'integer',
      breaks: true,
    })
    const withNew = buildReport(
      leonardoOperations().map((operation) =>
        operation.key === 'POST /variations/upscale' && operation.response?.properties?.sdUpscaleJob
          ? {
              ...operation,
              response: {
                ...operation.response,
                properties: {
                  ...operation.response.properties,
                  sdUpscaleJob: {
                    ...operation.response.properties.sdUpscaleJob,
                    shape: {
                      ...operation.response.properties.sdUpscaleJob.shape,
                      properties: {
                        ...operation.response.properties.sdUpscaleJob.shape.properties,
                        // Only the type changes: the id as the spec has it, but any number.
                        id: {
                          required:
                            operation.response.properties.sdUpscaleJob.shape.properties?.id
                              ?.required ?? true,
                          shape: { type: 'number', nullable: false },
                        },
                      },
                    },
                  },
                },
              },
            }
          : operation,
      ),
    )
    // Against the spec as it is: exactly the one new difference, and no deviation covers it.
    const key = ({ difference: d }: (typeof report.differences)[number]) =>
      `${d.operation} ${d.side} ${d.path} ${d.kind}`
    const baseline = new Set(report.differences.map(key))
    const appeared = withNew.differences.filter((entry) => !baseline.has(key(entry)))
    expect(appeared.map((entry) => [key(entry), entry.difference.breaks, entry.deviation])).toEqual(
      [['POST /variations/upscale response sdUpscaleJob.id type', true, undefined]],
    )
    expect(
      withNew.differences.filter((entry) => !entry.deviation).map((e) => e.difference.path),
    ).toEqual([
      ...report.differences.filter((entry) => !entry.deviation).map((e) => e.difference.path),
      'sdUpscaleJob.id',
    ])
  })
})
