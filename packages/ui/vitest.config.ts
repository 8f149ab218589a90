import react from '@vitejs/plugin-react'
import { defineProject } from 'vitest/config'
import { chromiumBrowser } from '../../vitest.browser.ts'

// Component tests run in Debian's Chromium; the msw worker script is served from .storybook/public.
export default defineProject({
  plugins: [react()],
  publicDir: '../../.storybook/public',
  test: {
    name: 'ui',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test/failOnConsole.ts'],
    browser: chromiumBrowser,
  },
})
