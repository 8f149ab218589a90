// An esbuild plugin for the code-split build: every import through an index that only
// re-exports (`@payg-kit/core`, `@payg-kit/react`, `@payg-kit/ui`, ...) becomes an import of the
// module that defines the name. esbuild splits code by file, and a file reached through an index
// counts as reached by every entry that imports the index: without this, every element would
// share every widget and every hook. The index files are read with TypeScript's parser; an index
// with anything but re-exports is left alone.
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import ts from 'typescript'

const parse = async (path) =>
  ts.createSourceFile(path, await readFile(path, 'utf8'), ts.ScriptTarget.Latest, true)

/** @returns {import('esbuild').Plugin} */
export function directImports({ include }) {
  return {
    name: 'direct-imports',
    setup(build) {
      /** path -> Promise of Map(exported name -> { path, name }), or of null for no index. */
      const indexes = new Map()
      const resolve = async (specifier, importer) => {
        const result = await build.resolve(specifier, {
          kind: 'import-statement',
          resolveDir: dirname(importer),
          importer,
        })
        if (result.errors.length > 0 || result.external || result.namespace !== 'file') return null
        return result.path
      }
      function exportsOf(path) {
        if (!indexes.has(path)) indexes.set(path, readIndex(path))
        return indexes.get(path)
      }
      async function readIndex(path) {
        if (!/\.[cm]?tsx?$|\.[cm]?js$/.test(path)) return null
        const source = await parse(path)
        const names = new Map()
        for (const statement of source.statements) {
          if (
            !ts.isExportDeclaration(statement) ||
            !statement.moduleSpecifier ||
            !statement.exportClause ||
            !ts.isNamedExports(statement.exportClause)
          )
            return null
          if (statement.isTypeOnly) continue
          const target = await resolve(statement.moduleSpecifier.text, path)
          if (!target) return null
          for (const element of statement.exportClause.elements) {
            if (element.isTypeOnly) continue
            const name = (element.propertyName ?? element.name).text
            // An index of indexes: follow the name to where it is defined.
            const deeper = (await exportsOf(target))?.get(name)
            names.set(element.name.text, deeper ?? { path: target, name })
          }
        }
        return names
      }

      build.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
        if (!include.some((dir) => path.startsWith(dir)) || path.includes('node_modules'))
          return undefined
        const source = await parse(path)
        const edits = []
        for (const statement of source.statements) {
          if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue
          const clause = statement.importClause
          const bindings = clause?.namedBindings
          if (!clause || clause.name || !bindings || !ts.isNamedImports(bindings)) continue
          const target = await resolve(statement.moduleSpecifier.text, path)
          const names = target && (await exportsOf(target))
          if (!names) continue
          const byModule = new Map()
          for (const element of bindings.elements) {
            if (element.isTypeOnly) continue
            const imported = (element.propertyName ?? element.name).text
            const found = names.get(imported)
            if (!found) throw new Error(`${path}: ${target} does not export ${imported}`)
            const list = byModule.get(found.path) ?? []
            list.push(`${found.name} as ${element.name.text}`)
            byModule.set(found.path, list)
          }
          const text = [...byModule]
            .map(([module, list]) => `import { ${list.join(', ')} } from ${JSON.stringify(module)}`)
            .join('\n')
          edits.push({ start: statement.getStart(source), end: statement.end, text })
        }
        let contents = source.text
        for (const { start, end, text } of edits.reverse())
          contents = contents.slice(0, start) + text + contents.slice(end)
        return {
          contents,
          loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
          resolveDir: dirname(path),
        }
      })
    },
  }
}
