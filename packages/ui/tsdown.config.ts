import { readFile, writeFile } from 'node:fs/promises'
import { transform } from 'esbuild'
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
      copy: [{ from: 'src/styles.css.d.ts', to: 'dist' }],
      hooks: {
        // styles.css ships minified: the same rules, without comments and whitespace.
        'build:done': async () => {
          const source = await readFile(new URL('src/styles.css', import.meta.url), 'utf8')
          const { code } = await transform(source, {
            loader: 'css',
            minify: true,
            legalComments: 'none',
          })
          await writeFile(new URL('dist/styles.css', import.meta.url), code)
        },
      },
    },
  ),
)
