import { describe, expect, it } from '@jest/globals'

import { databaseAdapter, databaseKind } from '@/database'

describe('databaseKind', () => {
  it.each([
    ['file:./data/wirehouse.db', 'sqlite'],
    ['postgres://u@127.0.0.1:5432/db', 'postgres'],
    ['postgresql://u@127.0.0.1/db', 'postgres'],
    ['mongodb://127.0.0.1/db', 'mongodb'],
    ['mongodb+srv://cluster.example/db', 'mongodb'],
  ])('%s → %s', (uri, kind) => {
    expect(databaseKind(uri)).toBe(kind)
  })

  it('rejects other schemes without echoing credentials', () => {
    expect(() => databaseKind('mysql://root:hunter2@localhost/db')).toThrow(/not supported/)
    expect(() => databaseKind('mysql://root:hunter2@localhost/db')).not.toThrow(/hunter2/)
  })
})

describe('databaseAdapter', () => {
  it.each([
    ['file:/tmp/wirehouse-unit.db', 'sqlite'],
    ['postgres://u@127.0.0.1:5432/db', 'postgres'],
    ['mongodb://127.0.0.1:27017/wirehouse', 'mongoose'],
  ])('builds the %s adapter without connecting', (uri, name) => {
    expect(databaseAdapter(uri).name).toBe(name)
  })
})
