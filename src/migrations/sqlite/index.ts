import * as migration_20261128_112140 from './20261128_112140';

export const migrations = [
  {
    up: migration_20261128_112140.up,
    down: migration_20261128_112140.down,
    name: '20261128_112140'
  },
];
