import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export type TestDatabase = { kind: string; uri: string; drop: () => Promise<void> }

const unique = () => `wh_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`

/** A brand-new, empty database of the kind under test; `drop` removes it. */
export const createTestDatabase = async (kind: string): Promise<TestDatabase> => {
  const name = unique()
  if (kind === 'sqlite') {
    const file = path.join(os.tmpdir(), `${name}.db`)
    return {
      kind,
      uri: `file:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
      },
    }
  }
  if (kind === 'postgres') {
    const server = process.env.TEST_POSTGRES_URI
    if (!server) throw new Error('TEST_POSTGRES_URI is not set')
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(server)
    url.pathname = `/${name}`
    return {
      kind,
      uri: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: server })
        await client.connect()
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await client.end()
      },
    }
  }
  if (kind === 'mongodb') {
    const server = process.env.TEST_MONGODB_URI
    if (!server) throw new Error('TEST_MONGODB_URI is not set')
    const url = new URL(server)
    url.pathname = `/${name}`
    const uri = url.toString()
    return {
      kind,
      uri,
      drop: async () => {
        const { default: mongoose } = await import('mongoose')
        const connection = await mongoose.createConnection(uri).asPromise()
        await connection.dropDatabase()
        await connection.close()
      },
    }
  }
  throw new Error(`Unknown test database kind "${kind}"`)
}
