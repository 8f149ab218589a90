import { afterEach, beforeEach, expect, vi } from 'vitest'

// A component test fails on any unexpected console.error (React warnings included).
let errors: unknown[][] = []
beforeEach(() => {
  errors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterEach(() => {
  vi.mocked(console.error).mockRestore()
  expect(errors, 'console.error was called').toEqual([])
})
