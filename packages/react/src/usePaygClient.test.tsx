import { createPaygClient } from '@payg-kit/core'
import { render, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PaygProvider } from './PaygProvider'
import { usePaygClient } from './usePaygClient'

function Reader() {
  usePaygClient()
  return null
}

describe('usePaygClient', () => {
  it('returns the client given to PaygProvider', () => {
    const client = createPaygClient({ baseUrl: 'https://api.example.com/v1' })
    const { result } = renderHook(() => usePaygClient(), {
      wrapper: ({ children }) => <PaygProvider client={client}>{children}</PaygProvider>,
    })
    expect(result.current).toBe(client)
  })

  it('outside PaygProvider, says which hook needs it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Reader />)).toThrow(
      '[payg-kit] usePaygClient() must be used inside <PaygProvider>.',
    )
    vi.mocked(console.error).mockRestore()
  })
})
