// An esbuild plugin for the code-split build: every import through an index that only
// re-exports (`@payg-kit/core`, `@payg-kit/react`, `@payg-kit/ui`, ...) becomes an import of the
// module that defines the name. esbuild splits code by file, and a file reached through an index
// counts as reached by every entry that imports the index: without this, every element would
// share every widget and every hook. The index files are read with TypeScript's parser; an index
// with anything but re-exports is left alone. `prepend(path)` may return text to put before a
// module's own (the build's import of a widget's styles).
import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import ts from 'typescript'

const parse = async (path) =>
  ts.createSourceFile(path, await readFile(path, 'utf8'), ts.ScriptTarget.Latest, true)

/** @returns {import('esbuild').Plugin} */
export function directImports({ include, prepend = () => '' }) {
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
        // Only imports and exports: anything else is a module of its own, not an index.
        if (!source.statements.every((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s)))
          return null
        const names = new Map()
        /** Local name -> where it is defined, for an index that imports and then exports. */
        const imported = new Map()
        const follow = async (target, name) =>
          (await exportsOf(target))?.get(name) ?? { path: target, name }
        for (const statement of source.statements) {
          if (ts.isImportDeclaration(statement)) {
            // A package's built index (TanStack Query's): `import { a } from './a.js'`, then
            // `export { a }`.
            const bindings = statement.importClause?.namedBindings
            if (statement.importClause?.name || !bindings || !ts.isNamedImports(bindings))
              return null
            const target = await resolve(statement.moduleSpecifier.text, path)
            if (!target) return null
            for (const element of bindings.elements)
              imported.set(
                element.name.text,
                await follow(target, (element.propertyName ?? element.name).text),
              )
            continue
          }
          if (!ts.isExportDeclaration(statement)) return null
          if (statement.isTypeOnly) continue
          if (!statement.moduleSpecifier) {
            if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) return null
            for (const element of statement.exportClause.elements) {
              const found = imported.get((element.propertyName ?? element.name).text)
              if (!found) return null
              names.set(element.name.text, found)
            }
            continue
          }
          const target = await resolve(statement.moduleSpecifier.text, path)
          if (!target) return null
          if (!statement.exportClause) {
            // `export * from '@tanstack/query-core'`: every name of that index.
            const all = await exportsOf(target)
            if (!all) return null
            for (const [name, found] of all) if (!names.has(name)) names.set(name, found)
            continue
          }
          if (!ts.isNamedExports(statement.exportClause)) return null
          for (const element of statement.exportClause.elements) {
            if (element.isTypeOnly) continue
            // An index of indexes: follow the name to where it is defined.
            names.set(
              element.name.text,
              await follow(target, (element.propertyName ?? element.name).text),
            )
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
            // A name the index does not list (a type, in a package's built index) stays with it.
            const found = names.get(imported) ?? {
              path: statement.moduleSpecifier.text,
              name: imported,
            }
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
          contents: prepend(path) + contents,
          loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
          resolveDir: dirname(path),
        }
      })
    },
  }
}
