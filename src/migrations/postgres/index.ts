import * as migration_20261128_112130 from './20261128_112130';

export const migrations = [
  {
    up: migration_20261128_112130.up,
    down: migration_20261128_112130.down,
    name: '20261128_112130'
  },
];
