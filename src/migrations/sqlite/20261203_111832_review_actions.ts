import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_unpublish\` integer;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` ADD \`review_bypass\` integer;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_unpublish\` integer;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_reviewed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` ADD \`version_review_bypass\` integer;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_proposed_at\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`wire_sources_rights_proposal_rights_proposal_state_idx\` ON \`wire_sources\` (\`rights_proposal_state\`);`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_decision\`;`)
  // Data migration (review_actions): a submission made before the review actions took its
  // submitter from the request body and kept no fingerprint of what was submitted, so it cannot
  // be approved as it stands: it goes back to draft, to be submitted again through the actions.
  await db.run(sql`UPDATE \`legal_notices\` SET \`review_state\` = 'draft', \`review_submitted_by_id\` = NULL WHERE \`review_state\` = 'in-review';`)
  await db.run(
    sql`UPDATE \`_legal_notices_v\` SET \`version_review_state\` = 'draft', \`version_review_submitted_by_id\` = NULL WHERE \`version_review_state\` = 'in-review';`,
  )
  await db.run(
    sql`UPDATE \`wire_sources\` SET \`rights_proposal_state\` = 'draft', \`rights_proposal_proposed_by_id\` = NULL WHERE \`rights_proposal_state\` = 'in-review';`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`wire_sources_rights_proposal_rights_proposal_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` ADD \`rights_proposal_decision\` text;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_proposed_at\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`wire_sources\` DROP COLUMN \`rights_proposal_reviewed_at\`;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` DROP COLUMN \`review_submitted_at\`;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` DROP COLUMN \`review_unpublish\`;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` DROP COLUMN \`review_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` DROP COLUMN \`review_reviewed_at\`;`)
  await db.run(sql`ALTER TABLE \`legal_notices\` DROP COLUMN \`review_bypass\`;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` DROP COLUMN \`version_review_submitted_at\`;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` DROP COLUMN \`version_review_unpublish\`;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` DROP COLUMN \`version_review_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` DROP COLUMN \`version_review_reviewed_at\`;`)
  await db.run(sql`ALTER TABLE \`_legal_notices_v\` DROP COLUMN \`version_review_bypass\`;`)
}
