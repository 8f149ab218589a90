import { defineConfig } from 'tsdown'
import { packageConfig } from '../../tsdown.base.ts'

export default defineConfig(
  packageConfig(
    { index: 'src/index.ts' },
    {
      copy: [
        { from: 'src/styles.css', to: 'dist' },
        { from: 'src/styles.css.d.ts', to: 'dist' },
      ],
    },
  ),
)
