import { defineConfig } from 'tsdown'
import { packageConfig } from '../../tsdown.base.ts'

export default defineConfig(
  packageConfig({
    index: 'src/index.ts',
    'proxy/index': 'src/proxy/index.ts',
    'rules/index': 'src/rules/index.ts',
  }),
)
