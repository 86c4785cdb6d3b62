import * as migration_20261128_123849_initial from './20261128_123849_initial';

export const migrations = [
  {
    up: migration_20261128_123849_initial.up,
    down: migration_20261128_123849_initial.down,
    name: '20261128_123849_initial'
  },
];
