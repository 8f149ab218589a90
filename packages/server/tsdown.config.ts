import { defineConfig } from 'tsdown'
import { packageConfig } from '../../tsdown.base.ts'

// A server package for Node: its built-ins stay imports (the migrations are embedded in the code).
export default defineConfig(
  packageConfig({ index: 'src/index.ts', stripe: 'src/stripe.ts' }, { platform: 'node' }),
)
