/**
 * The package as a user gets it: `npm pack` of the plugin, installed into a bare Payload app
 * (users, posts and pages on SQLite, the plugin on posts and pages, no code of
 * Wirehouse's; see ./bare-host/), serving attribution over the Local API and REST.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const plugin = fileURLToPath(new URL('..', import.meta.url))
const repository = path.resolve(plugin, '../..')
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
const npmRun = (args: string[], cwd: string) => run(npm[0], [...npm.slice(1), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 })

/** The versions this repository is tested with, so npm takes them from its cache. */
const version = (name: string): string =>
  JSON.parse(fs.readFileSync(path.join(repository, 'node_modules', name, 'package.json'), 'utf8')).version
const HOST_DEPENDENCIES = [
  'payload',
  '@payloadcms/db-sqlite',
  '@payloadcms/next',
  '@payloadcms/richtext-lexical',
  '@payloadcms/translations',
  '@payloadcms/ui',
  'next',
  'react',
  'react-dom',
  'graphql',
]

let host: string
let packed: { filename: string; files: { path: string }[] }

beforeAll(async () => {
  host = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-bare-host-'))
  const { stdout } = await npmRun(['pack', '--json', '--pack-destination', host], plugin)
  packed = JSON.parse(stdout.slice(stdout.indexOf('[')))[0]
  fs.cpSync(path.join(plugin, 'test/bare-host'), host, { recursive: true })
  const dependencies = Object.fromEntries(HOST_DEPENDENCIES.map((name) => [name, version(name)]))
  const manifest = {
    name: 'bare-host',
    private: true,
    type: 'module',
    dependencies: { '@wirehouse/payload-plugin-attribution': `file:./${packed.filename}`, ...dependencies },
  }
  fs.writeFileSync(path.join(host, 'package.json'), JSON.stringify(manifest, null, 2))
  await npmRun(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], host)
}, 10 * 60_000)

afterAll(() => {
  if (host) fs.rmSync(host, { recursive: true, force: true })
})

describe('the packed plugin', () => {
  it('holds the built entry points, their declarations and stylesheets, the README, and no sources or tests', () => {
    const files = packed.files.map((f) => f.path)
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/exports/client.js',
        'dist/exports/client.d.ts',
        'dist/exports/rsc.js',
        'dist/components/AttributionPreview.css',
      ]),
    )
    expect(files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md'].includes(file))).toEqual([])
    // Built for Node: relative imports name the `.js` files tsc wrote.
    const index = fs.readFileSync(path.join(host, 'node_modules/@wirehouse/payload-plugin-attribution/dist/index.js'), 'utf8')
    expect(index).not.toMatch(/from '\.[^']*\.tsx?'/)
    const client = fs.readFileSync(path.join(host, 'node_modules/@wirehouse/payload-plugin-attribution/dist/components/NoticeReach.js'), 'utf8')
    expect(client.startsWith("'use client'")).toBe(true)
  })

  it('type-checks a host against its declarations', async () => {
    await expect(run(process.execPath, [path.join(repository, 'node_modules/typescript/bin/tsc'), '-p', host])).resolves.toBeTruthy()
  })
})

describe('a bare Payload app with the plugin', () => {
  let result: Record<string, any>

  beforeAll(async () => {
    const { stdout } = await run(process.execPath, ['--conditions=production', 'run.mjs'], {
      cwd: host,
      env: { ...process.env, DATABASE_URI: `file:${path.join(host, 'host.db')}` },
      maxBuffer: 16 * 1024 * 1024,
    })
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '))
    if (!line) throw new Error(`the host printed no result:\n${stdout}`)
    result = JSON.parse(line.slice('RESULT '.length))
  }, 5 * 60_000)

  it('gets the notices and sources collections and the publisher global, labelled in English, French and German', () => {
    expect(result.collections).toEqual(expect.arrayContaining(['users', 'posts', 'legal-notices', 'wire-sources']))
    expect(result.globals).toEqual(['publisher'])
    expect(result.languages).toEqual(expect.arrayContaining(['en', 'fr', 'de']))
  })

  it('refuses a notice published by the user who submitted it, and publishes it when another user approves', () => {
    expect(result.selfApproval).toEqual({ status: 403, message: expect.stringMatching(/^You submitted this change/) })
    expect(result.review).toMatchObject({ state: 'approved', submittedBy: result.reviewers.alice, reviewedBy: result.reviewers.bob })
  })

  it('serves a post’s attribution over the Local API and REST alike', () => {
    const year = new Date().getUTCFullYear()
    expect(result.local).toMatchObject({
      credit: 'AFP',
      byline: 'by AFP Staff Writers',
      copyrightHolder: 'Agence France-Presse',
      license: 'copyright',
      notices: [expect.objectContaining({ title: 'Wire copyright', kind: 'source-copyright' })],
      text: `© ${year} Agence France-Presse. Republished by Bare Host Media.`,
      warnings: [],
    })
    expect(result.rest).toEqual({ status: 200, attribution: result.local })
  })

  it('gives every attributed collection the same, under its own field names: reach, ninjs, the report', () => {
    for (const collection of ['posts', 'pages']) {
      expect(result.reach[collection]).toMatchObject({ status: 200, body: { collection, inForce: true, totalDocs: 1 } })
    }
    expect(result.reach.pages.body.docs[0]).toMatchObject({ name: 'About our wire' })
    expect(result.ninjs).toMatchObject({
      status: 200,
      body: {
        standard: { name: 'ninjs', version: '2.2' },
        headlines: [{ role: 'main', value: 'About our wire' }],
        by: 'by Ann Editor',
        copyrightholder: 'Agence France-Presse',
      },
    })
    expect(result.feed).toMatchObject({ status: 200, body: { standard: { version: '3.1' }, totalDocs: 1 } })
    expect(result.feed.body.items).toEqual([expect.objectContaining({ headlines: [expect.objectContaining({ value: 'About our wire' })], copyrightHolder: 'Agence France-Presse' })])
    expect(result.report.map((check: { collection: string }) => check.collection)).toEqual(expect.arrayContaining(['posts', 'pages']))
  })
})
