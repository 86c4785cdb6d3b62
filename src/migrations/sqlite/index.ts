import * as migration_20261128_123849_initial from './20261128_123849_initial';
import * as migration_20261128_143333_notice_sites from './20261128_143333_notice_sites';
import * as migration_20261128_143904_notice_review from './20261128_143904_notice_review';
import * as migration_20261128_145540_audit_log from './20261128_145540_audit_log';
import * as migration_20261128_152735_source_rights_review from './20261128_152735_source_rights_review';
import * as migration_20261128_161929_article_ingest from './20261128_161929_article_ingest';
import * as migration_20261128_201522_article_list_indexes from './20261128_201522_article_list_indexes';
import * as migration_20261203_082244_rights_review_states from './20261203_082244_rights_review_states';
import * as migration_20261203_110354_autoincrement_ids from './20261203_110354_autoincrement_ids';
import * as migration_20261203_110958_article_trash from './20261203_110958_article_trash';
import * as migration_20261203_111832_review_actions from './20261203_111832_review_actions';
import * as migration_20261203_114447_accounts from './20261203_114447_accounts';
import * as migration_20261203_140903_standards from './20261203_140903_standards';
import * as migration_20261203_171520_volume_counts from './20261203_171520_volume_counts';
import * as migration_20261203_224633_rights_lifecycle from './20261203_224633_rights_lifecycle';
import * as migration_20261204_071608_webhooks from './20261204_071608_webhooks';

export const migrations = [
  {
    up: migration_20261128_123849_initial.up,
    down: migration_20261128_123849_initial.down,
    name: '20261128_123849_initial',
  },
  {
    up: migration_20261128_143333_notice_sites.up,
    down: migration_20261128_143333_notice_sites.down,
    name: '20261128_143333_notice_sites',
  },
  {
    up: migration_20261128_143904_notice_review.up,
    down: migration_20261128_143904_notice_review.down,
    name: '20261128_143904_notice_review',
  },
  {
    up: migration_20261128_145540_audit_log.up,
    down: migration_20261128_145540_audit_log.down,
    name: '20261128_145540_audit_log',
  },
  {
    up: migration_20261128_152735_source_rights_review.up,
    down: migration_20261128_152735_source_rights_review.down,
    name: '20261128_152735_source_rights_review',
  },
  {
    up: migration_20261128_161929_article_ingest.up,
    down: migration_20261128_161929_article_ingest.down,
    name: '20261128_161929_article_ingest',
  },
  {
    up: migration_20261128_201522_article_list_indexes.up,
    down: migration_20261128_201522_article_list_indexes.down,
    name: '20261128_201522_article_list_indexes',
  },
  {
    up: migration_20261203_082244_rights_review_states.up,
    down: migration_20261203_082244_rights_review_states.down,
    name: '20261203_082244_rights_review_states',
  },
  {
    up: migration_20261203_110354_autoincrement_ids.up,
    down: migration_20261203_110354_autoincrement_ids.down,
    name: '20261203_110354_autoincrement_ids',
  },
  {
    up: migration_20261203_110958_article_trash.up,
    down: migration_20261203_110958_article_trash.down,
    name: '20261203_110958_article_trash',
  },
  {
    up: migration_20261203_111832_review_actions.up,
    down: migration_20261203_111832_review_actions.down,
    name: '20261203_111832_review_actions',
  },
  {
    up: migration_20261203_114447_accounts.up,
    down: migration_20261203_114447_accounts.down,
    name: '20261203_114447_accounts',
  },
  {
    up: migration_20261203_140903_standards.up,
    down: migration_20261203_140903_standards.down,
    name: '20261203_140903_standards',
  },
  {
    up: migration_20261203_171520_volume_counts.up,
    down: migration_20261203_171520_volume_counts.down,
    name: '20261203_171520_volume_counts',
  },
  {
    up: migration_20261203_224633_rights_lifecycle.up,
    down: migration_20261203_224633_rights_lifecycle.down,
    name: '20261203_224633_rights_lifecycle',
  },
  {
    up: migration_20261204_071608_webhooks.up,
    down: migration_20261204_071608_webhooks.down,
    name: '20261204_071608_webhooks',
  },
];
