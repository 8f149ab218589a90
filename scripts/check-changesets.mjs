// Runs `changeset version` on a copy of the workspace's manifests and changesets, and checks what
// a release would do: the published packages move together to one new version (the fixed group),
// each gets a CHANGELOG.md with the summaries of its changesets, the changesets are consumed, and
// private packages keep their version. The repository itself is left untouched.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const copy = mkdtempSync(join(tmpdir(), 'payg-changesets-'))
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))

for (const file of ['package.json', 'pnpm-workspace.yaml'])
  cpSync(join(root, file), join(copy, file))
cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true })
// The changelog generator named in config.json is resolved from node_modules.
symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')

const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json')),
)
const before = new Map()
for (const name of packages) {
  mkdirSync(join(copy, 'packages', name), { recursive: true })
  for (const file of ['package.json', 'CHANGELOG.md']) {
    const from = join(root, 'packages', name, file)
    if (existsSync(from)) cpSync(from, join(copy, 'packages', name, file))
  }
  before.set(name, readJson(join(root, 'packages', name, 'package.json')))
}

// Which summaries each package should receive, read from the pending changesets.
const pending = readdirSync(join(root, '.changeset')).filter(
  (file) => file.endsWith('.md') && file !== 'README.md',
)
const expected = new Map()
for (const file of pending) {
  const text = readFileSync(join(root, '.changeset', file), 'utf8')
  const [, front = '', body = ''] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? []
  for (const [, pkg] of front.matchAll(/^"?([^":]+)"?:\s*(?:major|minor|patch)\s*$/gm)) {
    expected.set(pkg, [...(expected.get(pkg) ?? []), body.trim().split('\n')[0]])
  }
}

const problems = []
try {
  execFileSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
    cwd: copy,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
} catch (error) {
  problems.push(`changeset version failed:\n${error.stdout}${error.stderr}`)
}

const versions = new Set()
for (const name of packages) {
  const old = before.get(name)
  const now = readJson(join(copy, 'packages', name, 'package.json'))
  if (old.private) {
    if (now.version !== old.version) problems.push(`${old.name}: private, yet versioned`)
    continue
  }
  versions.add(now.version)
  if (now.version === old.version) problems.push(`${old.name}: still at ${old.version}`)
  const changelogPath = join(copy, 'packages', name, 'CHANGELOG.md')
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : ''
  if (!changelog.startsWith(`# ${old.name}\n`)) problems.push(`${old.name}: no CHANGELOG.md`)
  if (!changelog.includes(`## ${now.version}`)) {
    problems.push(`${old.name}: CHANGELOG.md has no ${now.version} section`)
  }
  for (const summary of expected.get(old.name) ?? []) {
    if (!changelog.includes(summary)) problems.push(`${old.name}: changelog lacks "${summary}"`)
  }
}
if (pending.length === 0) problems.push('no pending changesets to release')
if (versions.size !== 1) problems.push(`published versions differ: ${[...versions].join(', ')}`)
const left = readdirSync(join(copy, '.changeset')).filter((f) => pending.includes(f))
if (left.length > 0) problems.push(`changesets not consumed: ${left.join(', ')}`)

rmSync(copy, { recursive: true, force: true })
if (problems.length > 0) {
  console.error(`changeset version: ${problems.length} problem(s)\n${problems.join('\n')}`)
  process.exit(1)
}
console.log(
  `changeset version: ${before.size - [...before.values()].filter((m) => m.private).length} packages to ${[...versions][0]} with changelogs from ${pending.length} changesets; private packages untouched`,
)
