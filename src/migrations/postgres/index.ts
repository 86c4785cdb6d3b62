import * as migration_20261128_123841_initial from './20261128_123841_initial';
import * as migration_20261128_143328_notice_sites from './20261128_143328_notice_sites';
import * as migration_20261128_143900_notice_review from './20261128_143900_notice_review';

export const migrations = [
  {
    up: migration_20261128_123841_initial.up,
    down: migration_20261128_123841_initial.down,
    name: '20261128_123841_initial',
  },
  {
    up: migration_20261128_143328_notice_sites.up,
    down: migration_20261128_143328_notice_sites.down,
    name: '20261128_143328_notice_sites',
  },
  {
    up: migration_20261128_143900_notice_review.up,
    down: migration_20261128_143900_notice_review.down,
    name: '20261128_143900_notice_review'
  },
];
