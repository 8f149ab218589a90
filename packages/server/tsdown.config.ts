import { defineConfig } from 'tsdown'
import { packageConfig } from '../../tsdown.base.ts'

// A server package: node built-ins (node:fs for the shipped migrations) stay imports.
export default defineConfig(
  packageConfig({ index: 'src/index.ts', stripe: 'src/stripe.ts' }, { platform: 'node' }),
)
