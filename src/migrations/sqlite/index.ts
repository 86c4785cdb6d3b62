import * as migration_20261128_123849_initial from './20261128_123849_initial';
import * as migration_20261128_143333_notice_sites from './20261128_143333_notice_sites';

export const migrations = [
  {
    up: migration_20261128_123849_initial.up,
    down: migration_20261128_123849_initial.down,
    name: '20261128_123849_initial',
  },
  {
    up: migration_20261128_143333_notice_sites.up,
    down: migration_20261128_143333_notice_sites.down,
    name: '20261128_143333_notice_sites'
  },
];
