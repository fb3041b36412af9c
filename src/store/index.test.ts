import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { defaultDbPath } from './index.js'

describe('defaultDbPath', () => {
  it('follows $PARALLAX_DB, then the platform data directory', () => {
    assert.equal(defaultDbPath({ PARALLAX_DB: '/x/lib.db', HOME: '/h' }, 'linux'), '/x/lib.db')
    assert.equal(defaultDbPath({ HOME: '/h' }, 'linux'), join('/h', '.local', 'share', 'parallax', 'library.db'))
    assert.equal(defaultDbPath({ HOME: '/h', XDG_DATA_HOME: '/data' }, 'linux'), join('/data', 'parallax', 'library.db'))
    assert.equal(defaultDbPath({ HOME: '/h' }, 'darwin'), join('/h', 'Library', 'Application Support', 'parallax', 'library.db'))
    assert.equal(defaultDbPath({ HOME: '/h', APPDATA: 'C:/AppData' }, 'win32'), join('C:/AppData', 'parallax', 'library.db'))
  })
})
