// Builds, packs and checks every published package the way a user installs it:
// publint --strict, are-the-types-wrong on the tarball, and 'use client' kept in built files.
// Tarballs are left in the folder given as an argument (default: a temporary folder);
// with --consumer, scripts/check-consumer.mjs then installs them into a fresh app.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
const consumer = args.includes('--consumer')
const out = args.find((arg) => !arg.startsWith('--')) ?? mkdtempSync(join(tmpdir(), 'payg-packs-'))
const run = (cmd, args, cwd = root) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })

const packages = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((dir) => {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      return !manifest.private
    } catch {
      return false
    }
  })

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })

let failed = 0
for (const dir of packages) {
  const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const problems = []
  run('pnpm', ['run', 'build'], dir)
  // pnpm pack replaces workspace: and catalog: specifiers; its last line is the tarball's path.
  const tarball = run('pnpm', ['pack', '--pack-destination', out], dir).trim().split('\n').pop()
  try {
    run('pnpm', ['exec', 'publint', '--strict', tarball])
  } catch (error) {
    problems.push(`publint:\n${error.stdout}${error.stderr}`)
  }
  try {
    // Every entry, stylesheets included: they ship declarations too.
    run('pnpm', ['exec', 'attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped'])
  } catch (error) {
    problems.push(`attw:\n${error.stdout}${error.stderr}`)
  }
  // Every source file that starts with 'use client' must still start with it once built.
  for (const source of files(join(dir, 'src')).filter(
    (f) => /\.tsx?$/.test(f) && !/\.(test|stories)\./.test(f),
  )) {
    if (!readFileSync(source, 'utf8').startsWith("'use client'")) continue
    const built = join(dir, 'dist', relative(join(dir, 'src'), source).replace(/\.tsx?$/, '.js'))
    let text = ''
    try {
      text = readFileSync(built, 'utf8')
    } catch {
      continue // not part of the public surface, so not built
    }
    if (!/^["']use client["']/.test(text))
      problems.push(`${relative(root, built)} lost 'use client'`)
  }
  if (problems.length) {
    failed++
    console.error(`✗ ${name}\n${problems.join('\n')}`)
  } else {
    console.log(`✓ ${name}: builds; publint --strict and attw clean; 'use client' kept`)
  }
}
if (failed) process.exit(1)
console.log(`${packages.length} packages checked; tarballs in ${out}`)
if (consumer) {
  execFileSync('node', [join(root, 'scripts/check-consumer.mjs'), out], { stdio: 'inherit' })
}
