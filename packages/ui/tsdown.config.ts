import { defineConfig } from 'tsdown'
import { packageConfig } from '../../tsdown.base.ts'

export default defineConfig(
  packageConfig(
    {
      index: 'src/index.ts',
      // Each catalog is an entry of its own, loaded only for its locale.
      'locales/index': 'src/locales/index.ts',
      'locales/de': 'src/locales/de.ts',
      'locales/es': 'src/locales/es.ts',
      'locales/fr': 'src/locales/fr.ts',
      'locales/ja': 'src/locales/ja.ts',
      'locales/pt-BR': 'src/locales/pt-BR.ts',
    },
    {
      copy: [
        { from: 'src/styles.css', to: 'dist' },
        { from: 'src/styles.css.d.ts', to: 'dist' },
      ],
    },
  ),
)
